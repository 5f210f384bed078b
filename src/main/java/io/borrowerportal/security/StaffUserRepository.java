package io.borrowerportal.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);
}
