package io.borrowerportal.document;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface DocumentRepository extends JpaRepository<Document, Long> {

    @Query("select d from Document d where d.accountId = :accountId order by d.createdAt desc, d.id desc")
    List<Document> findByAccount(@Param("accountId") long accountId);

    @Query("""
            select d from Document d, DocumentCategory c
            where d.accountId = :accountId and d.categoryId = c.id and c.customerVisible = true
            order by d.createdAt desc, d.id desc""")
    List<Document> findVisibleByAccount(@Param("accountId") long accountId);

    Optional<Document> findByAccountIdAndSha256(long accountId, String sha256);
}
