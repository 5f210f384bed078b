package io.borrowerportal.document;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface DocumentCategoryRepository extends JpaRepository<DocumentCategory, Long> {

    List<DocumentCategory> findAllByOrderByPositionAscIdAsc();

    Optional<DocumentCategory> findByPurpose(CategoryPurpose purpose);

    Optional<DocumentCategory> findByNameIgnoreCase(String name);
}
