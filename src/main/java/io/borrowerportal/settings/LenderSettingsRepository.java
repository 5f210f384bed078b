package io.borrowerportal.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface LenderSettingsRepository extends JpaRepository<LenderSettings, Long> {
}
