package org.baokao.photo.photo;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PhotoRepository {

    private final JdbcClient jdbc;

    PhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Photo photo) {
        jdbc.sql("""
                insert into photo (id, candidate_id, object_key, normalized_key, content_type, byte_size, status,
                                   created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(photo.id(), photo.candidateId(), photo.originalKey(), photo.normalizedKey(),
                        photo.contentType(), photo.byteSize(), photo.status().name(),
                        Timestamp.from(photo.createdAt()))
                .update();
    }

    void update(Photo photo) {
        jdbc.sql("update photo set status = ?, submitted_at = ? where id = ?")
                .params(photo.status().name(), photo.submittedAt() == null ? null : Timestamp.from(photo.submittedAt()),
                        photo.id())
                .update();
    }

    /** The photo, for update, when it belongs to the candidate; another candidate's id reads as missing. */
    Optional<Photo> findOwn(UUID candidateId, UUID photoId, boolean lock) {
        return jdbc.sql("select * from photo where id = ? and candidate_id = ?" + (lock ? " for update" : ""))
                .params(photoId, candidateId).query(PhotoRepository::map).optional();
    }

    /** The photo the candidate confirmed last: theirs now (each confirmation keeps a new one). */
    Optional<Photo> lastSubmitted(UUID candidateId) {
        return jdbc.sql("""
                select * from photo where candidate_id = ? and status = ?
                order by submitted_at desc limit 1""")
                .params(candidateId, PhotoStatus.SUBMITTED.name()).query(PhotoRepository::map).optional();
    }

    public Optional<Photo> find(UUID photoId) {
        return jdbc.sql("select * from photo where id = ?").param(photoId).query(PhotoRepository::map).optional();
    }

    /** Retaking: an upload still waiting for the candidate is superseded by the next one. */
    void discardPending(UUID candidateId) {
        jdbc.sql("update photo set status = ? where candidate_id = ? and status = ?")
                .params(PhotoStatus.DISCARDED.name(), candidateId, PhotoStatus.UPLOADED.name()).update();
    }

    private static Photo map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Photo(rs.getObject("id", UUID.class), rs.getObject("candidate_id", UUID.class),
                rs.getString("object_key"), rs.getString("normalized_key"), rs.getString("content_type"),
                rs.getLong("byte_size"), PhotoStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), submitted == null ? null : submitted.toInstant());
    }
}
