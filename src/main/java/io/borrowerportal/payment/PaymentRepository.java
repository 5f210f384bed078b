package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.PaymentChannel;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Its queries run in their own read-only transaction when called outside one. The payment submit and the
 * ACH jobs work outside a transaction (the card processor is called between transactions): a query there
 * without a transaction would keep its database connection until the call ends while the next step takes
 * a second one, and enough simultaneous calls (a burst of submits of one form) then hold every pooled
 * connection while each waits for another.
 */
@Transactional(readOnly = true)
interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);

    List<Payment> findByIdempotencyKeyIn(Collection<String> idempotencyKeys);

    Optional<Payment> findByConfirmationNumber(String confirmationNumber);

    List<Payment> findByConfirmationNumberIn(Collection<String> confirmationNumbers);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lock(@Param("id") long id);

    /** Locks several payments, in id order (so two callers locking overlapping sets never deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id in :ids order by p.id")
    List<Payment> lockAll(@Param("ids") Collection<Long> ids);

    Optional<Payment> findByTraceNumber(String traceNumber);

    List<Payment> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    /** Money sent to the card processor but not yet on the ledger: it counts against the payoff. */
    @Query("select coalesce(sum(p.amount), 0) from Payment p where p.accountId = :accountId and p.status = :status")
    BigDecimal sumByStatus(@Param("accountId") long accountId, @Param("status") PaymentStatus status);

    /** {@link #sumByStatus} for several accounts at once: rows of account id and sum, for accounts that have any. */
    @Query("select p.accountId, sum(p.amount) from Payment p where p.accountId in :accountIds and p.status = :status group by p.accountId")
    List<Object[]> sumsByStatus(@Param("accountIds") Collection<Long> accountIds, @Param("status") PaymentStatus status);

    @Query("select p.id from Payment p where p.status = :status and p.processDate <= :date order by p.processDate, p.id")
    List<Long> dueIds(@Param("status") PaymentStatus status, @Param("date") LocalDate date);

    @Query("""
            select p.id from Payment p where p.status = :status and p.statusReason = :reason and p.updatedAt < :before
            order by p.id""")
    List<Long> waitingIds(@Param("status") PaymentStatus status, @Param("reason") String reason,
                          @Param("before") Instant before);

    @Query("""
            select p.id from Payment p where p.channel = :channel and p.status = :status and p.achFileId is null
              and p.processDate <= :date order by p.id""")
    List<Long> unsentIds(@Param("channel") PaymentChannel channel, @Param("status") PaymentStatus status,
                         @Param("date") LocalDate date);

    /** Payments settling by {@code date} whose ACH file is in one of {@code fileStates}. */
    @Query("""
            select p.id from Payment p where p.status = :status and p.settlesOn <= :date
              and exists (select f.id from AchFile f where f.id = p.achFileId and f.state in :fileStates)
            order by p.id""")
    List<Long> settlingIds(@Param("status") PaymentStatus status, @Param("date") LocalDate date,
                           @Param("fileStates") Collection<AchFileState> fileStates);

    /** Moves the settlement of a file's debits to {@code date} where it was earlier (a file delivered late). */
    @Modifying
    @Transactional
    @Query("update versioned Payment p set p.settlesOn = :date where p.achFileId = :fileId and p.settlesOn < :date")
    int postponeSettlement(@Param("fileId") long fileId, @Param("date") LocalDate date);

    /** Card payments stored for charging before {@code before} whose charge never answered (nor was tried). */
    @Query("""
            select p.id from Payment p where p.status = :status and p.statusReason is null and p.updatedAt < :before
            order by p.id""")
    List<Long> stalledIds(@Param("status") PaymentStatus status, @Param("before") Instant before);

    /** Standing orders' card payments stored for charging whose charge has not answered yet, nor been tried. */
    @Query("""
            select p.id from Payment p where p.status = :status and p.standingReference is not null
              and p.statusReason is null order by p.id""")
    List<Long> uncharged(@Param("status") PaymentStatus status);

    List<Payment> findByProfileIdAndStatusIn(long profileId, Collection<PaymentStatus> statuses);

    List<Payment> findByIdIn(Collection<Long> ids);
}
