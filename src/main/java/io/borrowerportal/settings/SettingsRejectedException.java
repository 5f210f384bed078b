package io.borrowerportal.settings;

import java.io.Serial;
import java.util.List;

/** A draft the service refused as a whole; nothing was saved. */
public class SettingsRejectedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<SettingsProblem> problems;

    public SettingsRejectedException(List<SettingsProblem> problems) {
        super(problems.size() == 1 ? problems.getFirst().message() : problems.size() + " settings need attention");
        this.problems = List.copyOf(problems);
    }

    public List<SettingsProblem> problems() {
        return problems;
    }
}
