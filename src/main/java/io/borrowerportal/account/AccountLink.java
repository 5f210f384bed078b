package io.borrowerportal.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.io.Serializable;

/** A customer's link to an account. Customers are referenced by id: they belong to another module. */
@Entity
@Table(name = "customer_accounts")
@IdClass(AccountLink.Key.class)
class AccountLink implements Persistable<AccountLink.Key> {

    record Key(Long customerId, Long accountId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private Long customerId;
    @Id
    private Long accountId;
    @Enumerated(EnumType.STRING)
    private LinkRole role;
    /**
     * Whether the row exists: its key is assigned, not generated, so without this a save would read the row first
     * to learn whether to insert it.
     */
    @Transient
    private boolean stored;

    protected AccountLink() {
    }

    AccountLink(long customerId, long accountId, LinkRole role) {
        this.customerId = customerId;
        this.accountId = accountId;
        this.role = role;
    }

    Long customerId() {
        return customerId;
    }

    Long accountId() {
        return accountId;
    }

    LinkRole role() {
        return role;
    }

    void changeRole(LinkRole role) {
        this.role = role;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public Key getId() {
        return new Key(customerId, accountId);
    }

    @Override
    public boolean isNew() {
        return !stored;
    }
}
