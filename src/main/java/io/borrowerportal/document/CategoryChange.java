package io.borrowerportal.document;

/**
 * A new category (id null) or a change to one: its name and what customers may do with it.
 *
 * @param version the version the change was made on; ignored for a new category
 */
public record CategoryChange(Long id, long version, String name, boolean customerUpload, boolean customerVisible) {

    public static CategoryChange add(String name, boolean customerUpload, boolean customerVisible) {
        return new CategoryChange(null, 0, name, customerUpload, customerVisible);
    }
}
