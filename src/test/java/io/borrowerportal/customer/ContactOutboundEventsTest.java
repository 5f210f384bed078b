package io.borrowerportal.customer;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.OutboxRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contact details changed on My profile (phone and mailing address, or the sign-in email once confirmed) write
 * one outbound event each; a refused change or a request not yet confirmed writes none (decision 029).
 */
class ContactOutboundEventsTest extends ServiceTest {

    @Autowired
    ProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient client;

    private List<OutboxRows.Row> events(String email) {
        Long id = jdbc.queryForObject("select id from customers where email = ?", Long.class, email);
        return OutboxRows.about(jdbc, EventType.Aggregate.CUSTOMER, String.valueOf(id));
    }

    @Test
    void phone_and_address_then_a_confirmed_email_each_write_one_event() {
        String email = ProfileFixtures.customer(customers, "out-contact");
        SignIn.as(users, email);

        profiles.updateContact(new ContactDetails("212 555 0147", "12 Main Street", null, "New York", "NY", "10001"));
        assertThat(events(email)).singleElement().satisfies(row -> {
            assertThat(row.type()).isEqualTo(EventType.CONTACT_DETAILS_CHANGED);
            assertThat(row.payload().get("changed").toString()).isEqualTo("[\"PHONE\",\"MAILING_ADDRESS\"]");
            assertThat(row.payload().get("phone").asString()).isEqualTo("(212) 555-0147");
            assertThat(row.payload().get("mailingAddress").get("city").asString()).isEqualTo("New York");
            assertThat(row.payload().get("email").asString()).isEqualTo(email);
        });

        String fresh = ProfileFixtures.freshAddress("out-new").toLowerCase(java.util.Locale.ROOT);
        profiles.requestEmailChange(fresh, ProfileFixtures.PASSWORD);
        assertThat(events(email)).as("asked, not yet confirmed").hasSize(1);
        assertThat(profiles.confirmEmailChange(ProfileFixtures.confirmationToken(client, fresh)))
                .isEqualTo(EmailChangeOutcome.CHANGED);

        List<OutboxRows.Row> rows = events(fresh);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).payload().get("changed").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(rows.get(1).payload().get("email").asString()).isEqualTo(fresh);
    }

    @Test
    void a_refused_contact_change_writes_no_event() {
        String email = ProfileFixtures.customer(customers, "out-contact-no");
        SignIn.as(users, email);

        assertThatThrownBy(() -> profiles.updateContact(new ContactDetails("12", "1 Elm St", null, "Albany", "XX", "1")))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> profiles.updateContact(null)).isInstanceOf(ProfileChangeRefusedException.class);

        assertThat(events(email)).isEmpty();
    }

    @Test
    void an_email_whose_local_part_is_a_card_length_number_goes_through_and_its_event_keeps_the_last_four_only() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = "4111111111111111x" + tag + "@example.com";
        io.borrowerportal.security.SystemTask.run(() -> customers.create(email, "Pat", "Digits", null, ProfileFixtures.PASSWORD));
        SignIn.as(users, email);

        profiles.updateContact(new ContactDetails("212 555 0147", "12 Main Street", null, "New York", "NY", "10001"));

        String masked = "••••1111x" + tag + "@example.com";
        assertThat(events(email)).singleElement().satisfies(row -> {
            assertThat(row.payload().get("email").asString()).isEqualTo(masked);
            assertThat(row.text()).doesNotContain("4111111111111111");
        });

        // Changing the sign-in email to such an address goes through as well.
        String fresh = "5555555555554444y" + tag + "@example.com";
        profiles.requestEmailChange(fresh, ProfileFixtures.PASSWORD);
        assertThat(profiles.confirmEmailChange(ProfileFixtures.confirmationToken(client, fresh)))
                .isEqualTo(EmailChangeOutcome.CHANGED);
        List<OutboxRows.Row> rows = events(fresh);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).payload().get("email").asString()).isEqualTo("••••4444y" + tag + "@example.com");
        assertThat(rows.get(1).text()).doesNotContain("5555555555554444");
    }
}
