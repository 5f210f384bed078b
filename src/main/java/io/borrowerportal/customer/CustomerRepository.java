package io.borrowerportal.customer;

import io.borrowerportal.common.EmailAddresses;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, Long id);

    /**
     * By address, whatever its case: addresses are stored in lower case (V032), so this compares the column itself
     * and uses its unique index. A derived {@code ...IgnoreCase} query compares {@code upper(email)} and reads every
     * row instead.
     */
    default Optional<Customer> findByEmailIgnoreCase(String email) {
        return findByEmail(EmailAddresses.key(email));
    }

    default boolean existsByEmailIgnoreCase(String email) {
        return existsByEmail(EmailAddresses.key(email));
    }

    default boolean existsByEmailIgnoreCaseAndIdNot(String email, Long id) {
        return existsByEmailAndIdNot(EmailAddresses.key(email), id);
    }

    /** The customer's row, locked: two staff members switching web access at once go one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> lockById(@Param("id") long id);

    @Query("select c.webAccess.enabled from Customer c where c.id = :id")
    Optional<Boolean> webAccess(@Param("id") long id);

    @Query("select c.sessionsValidAfter from Customer c where c.id = :id")
    Optional<Instant> sessionsValidAfter(@Param("id") long id);

    /** Invited customers with no password whose last activation link (if any) went out before the instant. */
    @Query("""
            select c.id from Customer c
            where c.status = io.borrowerportal.customer.CustomerStatus.INVITED and c.passwordHash is null
              and (c.invitedAt is null or c.invitedAt <= :sentBefore)
            order by c.id""")
    List<Long> awaitingInvitation(@Param("sentBefore") Instant sentBefore);

    /**
     * The customers with a search term starting with the prefix (decision 041), at most {@code limit}: a range of the
     * terms' primary key, read from its start, whatever the size of the book.
     */
    @Query(value = "SELECT DISTINCT customer_id FROM customer_search_terms WHERE term LIKE :prefix LIMIT :limit",
            nativeQuery = true)
    List<Long> idsByTerm(@Param("prefix") String prefix, @Param("limit") int limit);

    /** Of the given customers, those with a search term starting with the prefix. */
    @Query(value = "SELECT DISTINCT customer_id FROM customer_search_terms WHERE term LIKE :prefix AND customer_id IN (:ids)",
            nativeQuery = true)
    List<Long> idsByTermAmong(@Param("prefix") String prefix, @Param("ids") Collection<Long> ids);

    @Query("select c from Customer c order by c.lastName, c.firstName, c.id")
    List<Customer> firstByName(Pageable page);

    @Query("select c from Customer c where c.id in :ids order by c.lastName, c.firstName, c.id")
    List<Customer> byIdsByName(@Param("ids") Collection<Long> ids, Pageable page);
}
