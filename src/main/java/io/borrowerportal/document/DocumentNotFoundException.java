package io.borrowerportal.document;

/** No such document, or not one the current customer may see: the two look the same from outside. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(long id) {
        super("No document " + id);
    }
}
