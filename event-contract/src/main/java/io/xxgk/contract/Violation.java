package io.xxgk.contract;

/**
 * One way an event breaks the contract.
 *
 * @param field  the attribute ({@code time}) or data field ({@code data.views}) at fault
 * @param reason what is wrong, in words an adapter author can act on
 */
public record Violation(String field, String reason) {
}
