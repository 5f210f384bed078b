package io.borrowerportal.account;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface LoanProductRepository extends JpaRepository<LoanProduct, Long> {

    Optional<LoanProduct> findByCode(String code);

    /**
     * The product's row, locked until the transaction ends. A loan being booked on it takes a shared lock on the same
     * row through its foreign key, so after this lock no loan can be added to the product until the change commits.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from LoanProduct p where p.code = :code")
    Optional<LoanProduct> lockByCode(@Param("code") String code);

    List<LoanProduct> findAllByOrderByCode();

    /** Loans booked on each product that has any: product id, count. */
    @Query("select a.product.id, count(a) from LoanAccount a group by a.product.id")
    List<Object[]> countLoansByProduct();
}
