package io.borrowerportal.security;

import io.borrowerportal.common.EmailAddresses;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByEmail(String email);

    boolean existsByEmail(String email);

    /** By address, whatever its case, through the unique index: addresses are stored in lower case (V032). */
    default Optional<StaffUser> findByEmailIgnoreCase(String email) {
        return findByEmail(EmailAddresses.key(email));
    }

    default boolean existsByEmailIgnoreCase(String email) {
        return existsByEmail(EmailAddresses.key(email));
    }

    @Query("select s.sessionsValidAfter from StaffUser s where s.id = :id")
    Optional<Instant> sessionsValidAfter(@Param("id") long id);

    /**
     * Every admin row, locked ({@code SELECT ... FOR UPDATE}) in id order: a change that could take away an
     * active admin holds them all, so two admins demoting or deactivating each other at once run one after the
     * other and the second sees the first's result (decision 027).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StaffUser s where s.role = '" + Role.ADMIN + "' order by s.id")
    List<StaffUser> lockAdmins();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StaffUser s where s.id = :id")
    Optional<StaffUser> lockById(@Param("id") long id);

    @Query("select s from StaffUser s order by s.displayName, s.email")
    List<StaffUser> listed();
}
