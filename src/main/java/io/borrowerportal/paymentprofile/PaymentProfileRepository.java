package io.borrowerportal.paymentprofile;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface PaymentProfileRepository extends JpaRepository<PaymentProfile, Long> {

    @Query("""
            select p from PaymentProfile p where p.customerId = :customerId and p.status <> :deleted and p.onFile = true
            order by p.primary desc, p.createdAt, p.id""")
    List<PaymentProfile> findOnFile(@Param("customerId") long customerId,
                                    @Param("deleted") PaymentProfile.Status deleted);

    default List<PaymentProfile> findOnFile(long customerId) {
        return findOnFile(customerId, PaymentProfile.Status.DELETED);
    }

    /** Bank profiles of any customer with this routing number and these last four account digits. */
    @Query("select p from PaymentProfile p where p.kind = :kind and p.bankRoutingNumber = :routing and p.lastFour = :lastFour")
    List<PaymentProfile> findByAccount(@Param("kind") PaymentChannel kind, @Param("routing") String routing,
                                       @Param("lastFour") String lastFour);

    default List<PaymentProfile> findBankAccountsLike(String routing, String lastFour) {
        return findByAccount(PaymentChannel.BANK, routing, lastFour);
    }

    /** Locks the customer's profiles on file, so two "set primary" calls never leave two primaries. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select p from PaymentProfile p where p.customerId = :customerId and p.status <> :deleted and p.onFile = true
            order by p.id""")
    List<PaymentProfile> lockOnFile(@Param("customerId") long customerId,
                                    @Param("deleted") PaymentProfile.Status deleted);

    default List<PaymentProfile> lockOnFile(long customerId) {
        return lockOnFile(customerId, PaymentProfile.Status.DELETED);
    }

    /** Locks one profile, so two payments can never both use a one-time method. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PaymentProfile p where p.id = :id")
    Optional<PaymentProfile> lock(@Param("id") long id);
}
