package io.borrowerportal.autopay;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read queries run in a read-only transaction of their own when called outside one (the run pages outside). */
@Transactional(readOnly = true)
interface AutoPayRepository extends JpaRepository<AutoPay, Long> {

    Optional<AutoPay> findByReference(String reference);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AutoPay a where a.reference = :reference")
    Optional<AutoPay> lockByReference(@Param("reference") String reference);

    /** Who set an AutoPay up and what pays it, as values (no entity for the persistence context to keep). */
    interface Holder {
        long getCustomerId();

        long getProfileId();
    }

    @Query("""
            select a.customerId as customerId, a.profileId as profileId from AutoPay a
            where a.accountId = :accountId and a.reference = :reference""")
    Optional<Holder> holderOf(@Param("accountId") long accountId, @Param("reference") String reference);

    List<AutoPay> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    List<AutoPay> findByLoanNumberAndStatusIn(String loanNumber, Collection<AutoPayStatus> statuses);

    @Query("select count(a) from AutoPay a where a.accountId = :accountId and a.status in :statuses")
    long countByAccountInStatus(@Param("accountId") long accountId, @Param("statuses") Collection<AutoPayStatus> statuses);

    List<AutoPay> findByProfileIdAndStatusIn(long profileId, Collection<AutoPayStatus> statuses);

    List<AutoPay> findByProfileIdInAndStatusIn(Collection<Long> profileIds, Collection<AutoPayStatus> statuses);

    /** A page of the AutoPays due by the date, by id after {@code afterId}: the run walks them without holding all. */
    @Query("""
            select a.id from AutoPay a where a.status = :status and a.nextProcessDate <= :date and a.id > :afterId
            order by a.id""")
    List<Long> dueIds(@Param("status") AutoPayStatus status, @Param("date") LocalDate date,
                      @Param("afterId") long afterId, Limit limit);

    /** Active AutoPays whose next run is within the reminder window and not yet reminded of. */
    @Query("""
            select a.id from AutoPay a where a.status = :status and a.nextProcessDate > :from
              and a.nextProcessDate <= :to and (a.reminderSentFor is null or a.reminderSentFor <> a.nextDueDate)
              and a.id > :afterId
            order by a.id""")
    List<Long> remindIds(@Param("status") AutoPayStatus status, @Param("from") LocalDate from,
                         @Param("to") LocalDate to, @Param("afterId") long afterId, Limit limit);

    List<AutoPay> findByIdInOrderById(Collection<Long> ids);
}
