package db.migration;

import io.borrowerportal.customer.CustomerSearchTerms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills {@code customer_search_terms} (V034) for the customers already in the database, with the same words the
 * Customer entity keeps from now on (decision 041). A Java migration because cutting an address into its words is not
 * something MariaDB's and H2's SQL agree on. Batches of 1,000 rows.
 */
public class V035__Customer_search_terms_of_existing_customers extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             ResultSet customers = read.executeQuery("SELECT id, first_name, last_name, email FROM customers");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO customer_search_terms (term, customer_id) VALUES (?, ?)")) {
            int pending = 0;
            while (customers.next()) {
                long id = customers.getLong(1);
                for (String term : CustomerSearchTerms.of(customers.getString(2), customers.getString(3), customers.getString(4))) {
                    insert.setString(1, term);
                    insert.setLong(2, id);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
