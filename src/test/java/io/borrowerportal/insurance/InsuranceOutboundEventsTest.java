package io.borrowerportal.insurance;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.OutboxRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy submitted writes one outbound event in its transaction; a refused one writes none (decision 029). */
class InsuranceOutboundEventsTest extends ServiceTest {

    @Autowired
    InsuranceService insurance;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_submitted_policy_writes_one_event_with_the_policy() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "out-ins");
        SignIn.as(users, loan.borrowerEmail());

        PolicyVersionSummary saved = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-OUT-1"), null);

        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.INSURANCE_POLICY, String.valueOf(saved.id())))
                .singleElement().satisfies(row -> {
                    assertThat(row.type()).isEqualTo(EventType.INSURANCE_SUBMITTED);
                    assertThat(row.payload().get("loanNumber").asString()).isEqualTo(loan.loanNumber());
                    assertThat(row.payload().get("status").asString()).isEqualTo("SUBMITTED");
                    assertThat(row.payload().get("policy").get("policyNumber").asString()).isEqualTo("KM-OUT-1");
                    assertThat(row.payload().get("policy").get("coverageEnd").asString()).isEqualTo("2027-12-01");
                    assertThat(row.payload().get("proofDocumentId").isNull()).isTrue();
                });
        assertThat(OutboxRows.mentioning(jdbc, loan.loanNumber())).isOne();
    }

    @Test
    void a_refused_policy_writes_no_event() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "out-ins-no");
        SignIn.as(users, loan.borrowerEmail());

        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), PolicyDetails.blank(), null))
                .isInstanceOf(InsuranceRefusedException.class);

        assertThat(OutboxRows.mentioning(jdbc, loan.loanNumber())).isZero();
    }
}
