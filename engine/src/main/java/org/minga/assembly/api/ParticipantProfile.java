package org.minga.assembly.api;

/**
 * The non-identifying attributes of the unified registration form. Names, phone numbers and ID
 * numbers never travel in a message: they stay in the erasable participant registry.
 */
public record ParticipantProfile(String organization,
                                 String organizationType,
                                 String sector,
                                 Gender gender,
                                 AgeGroup ageGroup,
                                 String territory,
                                 Area area,
                                 String preferredAxisId) {
}
