package io.borrowerportal.demo;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.StaffDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** Demo users have published passwords, so where demo data may go is checked on its own. */
class DemoDataTest {

    private final CustomerService customers = mock(CustomerService.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final DemoDocuments documents = mock(DemoDocuments.class);
    private final ApiClients apiClients = mock(ApiClients.class);

    private DemoData demoData(String mode, String url) {
        return new DemoData(customers, mock(StaffDirectory.class), mock(SecondFactorService.class), mock(LoanServicing.class),
                mock(PaymentProfileService.class), mock(AutoPayService.class), mock(AutoPayReviews.class),
                mock(DemoSignIn.class), transaction, Clock.systemUTC(), documents, mock(DemoInsurance.class),
                mock(DemoStatements.class), apiClients, mode, url);
    }

    @Test
    void asked_for_it_never_goes_into_a_mariadb_database() {
        demoData("true", "jdbc:mariadb://db.lender.internal:3306/portal").run(null);
        verifyNoInteractions(transaction, customers, documents);
    }

    @Test
    void asked_for_it_goes_into_the_embedded_h2_database() {
        demoData("true", "jdbc:h2:file:./data/portal;MODE=MariaDB").run(null);
        verify(transaction).execute(any());
    }

    @Test
    void any_database_loads_it_wherever_the_datasource_points_as_the_test_suites_need() {
        demoData("any-database", "jdbc:mariadb://127.0.0.1:3306/portal_test").run(null);
        verify(transaction).execute(any());
    }

    @Test
    void the_demo_api_client_with_its_published_key_goes_only_into_the_embedded_h2_database() {
        demoData("true", "jdbc:h2:file:./data/portal;MODE=MariaDB").run(null);
        verify(apiClients).installDemoClient();
    }

    @Test
    void the_demo_api_client_never_goes_into_mariadb_not_even_with_the_test_suites_demo_data() {
        demoData("any-database", "jdbc:mariadb://127.0.0.1:3306/portal_test").run(null);
        demoData("true", "jdbc:mariadb://db.lender.internal:3306/portal").run(null);
        verifyNoInteractions(apiClients);
    }

    @Test
    void an_unknown_mode_stops_the_start_instead_of_guessing() {
        assertThatThrownBy(() -> demoData("auto", "jdbc:h2:mem:portal"))
                .hasMessageContaining("portal.demo-data must be false, true or any-database");
    }

    @Test
    void without_the_setting_the_loader_is_not_even_created() {
        assertThat(DemoData.class.getAnnotation(ConditionalOnExpression.class).value()).contains("${portal.demo-data:false}");
    }
}
