package io.borrowerportal.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A category of the lender's document list: its name, and whether customers may upload to it and see it. */
@Entity
@Table(name = "document_categories")
class DocumentCategory {

    static final int MAX_NAME = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private CategoryPurpose purpose;
    private boolean customerUpload;
    private boolean customerVisible;
    private int position;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected DocumentCategory() {
    }

    DocumentCategory(String name, boolean customerUpload, boolean customerVisible, int position, Instant now) {
        this.name = name;
        this.customerUpload = customerUpload;
        this.customerVisible = customerVisible;
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String name, boolean customerUpload, boolean customerVisible, Instant now) {
        this.name = name;
        this.customerUpload = customerUpload;
        this.customerVisible = customerVisible;
        this.updatedAt = now;
    }

    /** Moves the category in the lender's list; lower positions come first. */
    void moveTo(int position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    String name() {
        return name;
    }

    CategoryPurpose purpose() {
        return purpose;
    }

    boolean customerUpload() {
        return customerUpload;
    }

    boolean customerVisible() {
        return customerVisible;
    }

    int position() {
        return position;
    }

    CategorySummary toSummary() {
        return new CategorySummary(id, name, purpose, customerUpload, customerVisible);
    }
}
