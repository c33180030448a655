package org.minga.registry;

import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * The only place names live: an erasable collection beside the read models, never the event
 * stream. Events and read models know a participant by an opaque id. An id keeps the person it
 * was first registered with: a registration with other data is refused, and an erased person
 * leaves a tombstone (the id and the fact of the erasure, nothing personal) so no import brings
 * their data back.
 */
@Component
public class ParticipantRegistry {

    static final String COLLECTION = "participant_registry";
    private static final String ERASED = "erased";

    private final MongoCollection<Document> people;

    public ParticipantRegistry(MongoDatabase database) {
        this.people = database.getCollection(COLLECTION);
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
        Document known = people.find(eq("_id", key(assemblyId, participantId))).first();
        if (known == null) {
            return;
        }
        if (known.getBoolean(ERASED, false)) {
            throw new RuleViolationException(Refusal.PARTICIPANT_DATA_ERASED, participantId);
        }
        if (!dataOf(known).equals(data)) {
            throw new RuleViolationException(Refusal.PARTICIPANT_ID_OTHER_PERSON, participantId);
        }
    }

    /** Refuses to correct the data of a person whose data was erased: erased stays erased. */
    public void checkCanCorrect(String assemblyId, String participantId) {
        Document known = people.find(eq("_id", key(assemblyId, participantId))).first();
        if (known != null && known.getBoolean(ERASED, false)) {
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
        Document person = new Document("_id", key(assemblyId, participantId))
                .append("assemblyId", assemblyId)
                .append("participantId", participantId)
                .append("name", data.name())
                .append("phone", data.phone())
                .append("email", data.email());
        people.replaceOne(eq("_id", person.getString("_id")), person, new ReplaceOptions().upsert(true));
    }

    /** Names by participant id, for the facilitator's list. */
    public Map<String, String> namesOf(String assemblyId) {
        Map<String, String> names = new LinkedHashMap<>();
        peopleOf(assemblyId).forEach((id, data) -> names.put(id, data.name()));
        return names;
    }

    public Map<String, PersonalData> peopleOf(String assemblyId) {
        Map<String, PersonalData> found = new LinkedHashMap<>();
        people.find(eq("assemblyId", assemblyId)).forEach(d -> {
            if (!d.getBoolean(ERASED, false)) {
                found.put(d.getString("participantId"), dataOf(d));
            }
        });
        return found;
    }

    /**
     * Forgets a person's name and contact details; the events only ever knew their opaque id. What
     * stays is a tombstone with no personal data, so the id cannot be registered with data again.
     */
    public void erase(String assemblyId, String participantId) {
        Document tombstone = new Document("_id", key(assemblyId, participantId))
                .append("assemblyId", assemblyId)
                .append("participantId", participantId)
                .append(ERASED, true);
        people.replaceOne(eq("_id", tombstone.getString("_id")), tombstone, new ReplaceOptions().upsert(true));
    }

    private static PersonalData dataOf(Document person) {
        return new PersonalData(person.getString("name"), person.getString("phone"), person.getString("email"));
    }

    private static String key(String assemblyId, String participantId) {
        return assemblyId + ":" + participantId;
    }
}
