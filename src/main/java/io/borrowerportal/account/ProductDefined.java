package io.borrowerportal.account;

import java.util.List;

/** What defining a product did: created it, changed the listed fields, or (neither) found it as defined. */
public record ProductDefined(String code, boolean created, List<String> changed) {

    public ProductDefined {
        changed = List.copyOf(changed);
    }
}
