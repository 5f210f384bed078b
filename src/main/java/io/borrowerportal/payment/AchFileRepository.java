package io.borrowerportal.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

interface AchFileRepository extends JpaRepository<AchFile, Long> {

    long countByBusinessDate(LocalDate businessDate);

    List<AchFile> findTop20ByOrderByIdDesc();
}
