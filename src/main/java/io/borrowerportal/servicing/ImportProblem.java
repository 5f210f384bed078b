package io.borrowerportal.servicing;

/**
 * Why a row (or a whole file) of an import was refused: the file, its line (1 is the header; 0 for the file as a
 * whole), the column when one cell is at fault (else null), and the reason in the lender's words.
 */
public record ImportProblem(String file, long line, String column, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + (column == null ? "" : " (" + column + ")") + ": " + reason;
    }
}
