package org.minga.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;
import org.minga.registry.storage.Match;
import org.minga.registry.storage.RegistryKinds;
import org.minga.registry.storage.RegistryRecord;
import org.minga.registry.storage.RegistryStorage;
import org.springframework.stereotype.Component;

/**
 * The only place names live: erasable records in the registry's storage, never the event
 * stream. Events and read models know a participant by an opaque id. An id keeps the person it
 * was first registered with: a registration with other data is refused, and an erased person
 * leaves a tombstone (the id and the fact of the erasure, nothing personal) so no import brings
 * their data back.
 */
@Component
public class ParticipantRegistry {

    private static final String ERASED = "erased";

    private final RegistryStorage storage;

    public ParticipantRegistry(RegistryStorage storage) {
        this.storage = storage;
    }

    /** What the registry knows of a person: the name and how to reach them. */
    public record PersonalData(String name, String phone, String email) {
    }

    /**
     * Refuses, before anything is recorded, a registration that would replace someone's data:
     * the id already holds another name or contact, or that person's data was erased. The same
     * data again (a phone's or an import's retry) passes.
     */
    public void checkCanRegister(String assemblyId, String participantId, PersonalData data) {
        RegistryRecord known = storage.get(RegistryKinds.PEOPLE, key(assemblyId, participantId)).orElse(null);
        if (known == null) {
            return;
        }
        if (known.flag(ERASED)) {
            throw new RuleViolationException(Refusal.PARTICIPANT_DATA_ERASED, participantId);
        }
        if (!dataOf(known).equals(data)) {
            throw new RuleViolationException(Refusal.PARTICIPANT_ID_OTHER_PERSON, participantId);
        }
    }

    /** Refuses to correct the data of a person whose data was erased: erased stays erased. */
    public void checkCanCorrect(String assemblyId, String participantId) {
        if (storage.get(RegistryKinds.PEOPLE, key(assemblyId, participantId)).filter(known -> known.flag(ERASED)).isPresent()) {
            throw new RuleViolationException(Refusal.PARTICIPANT_DATA_ERASED, participantId);
        }
    }

    /** Records a registration checked by {@link #checkCanRegister}; a repeat changes nothing. */
    public void register(String assemblyId, String participantId, PersonalData data) {
        checkCanRegister(assemblyId, participantId, data);
        remember(assemblyId, participantId, data);
    }

    public void remember(String assemblyId, String participantId, String name) {
        remember(assemblyId, participantId, new PersonalData(name, null, null));
    }

    public void remember(String assemblyId, String participantId, PersonalData data) {
        storage.put(RegistryKinds.PEOPLE, RegistryRecord.withId(key(assemblyId, participantId))
                .with("assemblyId", assemblyId)
                .with("participantId", participantId)
                .with("name", data.name())
                .with("phone", data.phone())
                .with("email", data.email()));
    }

    /** Names by participant id, for the facilitator's list. */
    public Map<String, String> namesOf(String assemblyId) {
        Map<String, String> names = new LinkedHashMap<>();
        peopleOf(assemblyId).forEach((id, data) -> names.put(id, data.name()));
        return names;
    }

    public Map<String, PersonalData> peopleOf(String assemblyId) {
        Map<String, PersonalData> found = new LinkedHashMap<>();
        storage.find(RegistryKinds.PEOPLE, Match.is("assemblyId", assemblyId)).forEach(person -> {
            if (!person.flag(ERASED)) {
                found.put(person.text("participantId"), dataOf(person));
            }
        });
        return found;
    }

    /**
     * Forgets a person's name and contact details; the events only ever knew their opaque id. What
     * stays is a tombstone with no personal data, so the id cannot be registered with data again.
     */
    public void erase(String assemblyId, String participantId) {
        storage.put(RegistryKinds.PEOPLE, RegistryRecord.withId(key(assemblyId, participantId))
                .with("assemblyId", assemblyId)
                .with("participantId", participantId)
                .with(ERASED, true));
    }

    private static PersonalData dataOf(RegistryRecord person) {
        return new PersonalData(person.text("name"), person.text("phone"), person.text("email"));
    }

    private static String key(String assemblyId, String participantId) {
        return assemblyId + ":" + participantId;
    }
}
