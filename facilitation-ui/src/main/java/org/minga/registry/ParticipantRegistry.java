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

    public void remember(String assemblyId, String participantId, String name) {
        Document person = new Document("_id", key(assemblyId, participantId))
                .append("assemblyId", assemblyId)
                .append("participantId", participantId)
                .append("name", name);
        people.replaceOne(eq("_id", person.getString("_id")), person, new ReplaceOptions().upsert(true));
    }

    /** Names by participant id, for the facilitator's list. */
    public Map<String, String> namesOf(String assemblyId) {
        Map<String, String> names = new LinkedHashMap<>();
        people.find(eq("assemblyId", assemblyId)).forEach(d -> names.put(d.getString("participantId"), d.getString("name")));
        return names;
    }

    private static String key(String assemblyId, String participantId) {
        return assemblyId + ":" + participantId;
    }
}
