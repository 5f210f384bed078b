-- The words the staff search finds a customer by (customer.CustomerSearchTerms, decision 041), searched from their
-- start through the primary key's range: "smith%" reads the Smiths, not every customer as lower(...) LIKE '%smith%'
-- did. Kept by the Customer entity wherever its names or address change; V035 (a Java migration) fills it for the
-- customers already here.
CREATE TABLE customer_search_terms (
    -- Compared byte for byte: the terms are stored lower case without accents, and the case- and accent-blind
    -- collation of the other columns would take 'renée' and 'renee' (two terms of one customer) for one key.
    term VARCHAR(80) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    customer_id BIGINT NOT NULL,
    PRIMARY KEY (term, customer_id),
    CONSTRAINT fk_customer_search_terms_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_customer_search_terms_customer ON customer_search_terms (customer_id);
