package io.borrowerportal.security;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface SecondFactorRepository extends JpaRepository<SecondFactor, Long> {

    Optional<SecondFactor> findByOwnerKindAndOwnerId(String ownerKind, long ownerId);

    /** Under a row lock: two requests with the same code must not both see it unused. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from SecondFactor f where f.ownerKind = ?1 and f.ownerId = ?2")
    Optional<SecondFactor> lockByOwner(String ownerKind, long ownerId);

    @Query("select f.ownerId from SecondFactor f where f.ownerKind = ?1 and f.ownerId in ?2 and f.confirmedAt is not null")
    List<Long> confirmedOwners(String ownerKind, Collection<Long> ownerIds);

    @Query("select count(f) > 0 from SecondFactor f where f.ownerKind = ?1 and f.ownerId = ?2 and f.confirmedAt is not null")
    boolean isConfirmed(String ownerKind, long ownerId);
}
