package io.vigil.rules;

/**
 * Maps Sigma's field names and log sources onto Vigil's event fields. Profiles are YAML files in
 * the workspace's {@code settings/rules/mappings/} folder, which starts with Vigil's default
 * profile; the first profile that covers a rule's log source applies to it.
 */
public final class MappingProfiles {
}
