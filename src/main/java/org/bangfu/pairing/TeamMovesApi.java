package org.bangfu.pairing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.shared.ApiMessages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving a household to another assistance team (district officers): {@code POST /api/households/{id}/team-move}
 * with {@code {"teamId", "reason", "date": "yyyy-MM-dd", "version"}} (version optional: the file's, 409 when it
 * changed meanwhile) answers 201 with the move; {@code GET /api/households/{id}/team-moves} lists them, newest first.
 */
@ApiMessages(stale = "teamMove.stale")
@RestController
class TeamMovesApi {

    private final TeamMoves moves;

    TeamMovesApi(TeamMoves moves) {
        this.moves = moves;
    }

    record MoveRequest(Long teamId, String reason, LocalDate date, Integer version) {
    }

    @PostMapping(path = "/api/households/{id}/team-move", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TeamMove> move(@PathVariable long id, @RequestBody MoveRequest body) {
        TeamMove move = moves.move(id, body.teamId(), body.reason(), body.date(), body.version());
        return ResponseEntity.created(URI.create("/api/households/" + id + "/team-moves")).body(move);
    }

    @GetMapping("/api/households/{id}/team-moves")
    List<TeamMove> list(@PathVariable long id) {
        return moves.ofHousehold(id);
    }
}
