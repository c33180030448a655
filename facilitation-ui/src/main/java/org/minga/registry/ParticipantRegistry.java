package org.minga.registry;

import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The only place names live: an erasable collection beside the read models, never the event
 * stream. Events and read models know a participant by an opaque id.
 */
@Component
public class ParticipantRegistry {

    static final String COLLECTION = "participant_registry";

    private final MongoCollection<Document> people;

    public ParticipantRegistry(MongoDatabase database) {
        this.people = database.getCollection(COLLECTION);
    }

    /** What the registry knows of a person: the name and how to reach them. */
    public record PersonalData(String name, String phone, String email) {
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
        people.find(eq("assemblyId", assemblyId)).forEach(d -> found.put(d.getString("participantId"),
                new PersonalData(d.getString("name"), d.getString("phone"), d.getString("email"))));
        return found;
    }

    /** Forgets a person's name and contact details; the events only ever knew their opaque id. */
    public void erase(String assemblyId, String participantId) {
        people.deleteOne(eq("_id", key(assemblyId, participantId)));
    }

    private static String key(String assemblyId, String participantId) {
        return assemblyId + ":" + participantId;
    }
}
