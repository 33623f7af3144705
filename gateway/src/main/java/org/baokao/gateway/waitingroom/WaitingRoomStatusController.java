package org.baokao.gateway.waitingroom;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * {@code GET /waiting-room/status}: what the waiting page asks every few seconds. {@code {position,
 * estimatedMinutes, admitted}}; once {@code admitted} the answer carries the pass and the page reloads. Asking is
 * the ticket's sign of life. Public, never queued itself, never an error: a visitor without a ticket is judged as a
 * newcomer (admitted if the room has space, else given a ticket).
 */
@RestController
class WaitingRoomStatusController {

    private final WaitingRoomGate gate;

    WaitingRoomStatusController(WaitingRoomGate gate) {
        this.gate = gate;
    }

    @GetMapping("/waiting-room/status")
    Mono<ResponseEntity<Status>> status(ServerWebExchange exchange) {
        if (!gate.isActive()) {
            return Mono.just(answer(Status.ADMITTED));
        }
        return gate.judge(exchange, false).map(verdict -> answer(switch (verdict) {
            case Verdict.Pass ignored -> Status.ADMITTED;
            case Verdict.Wait waiting -> new Status(waiting.ahead(),
                    waiting.minutes().isPresent() ? waiting.minutes().getAsInt() : null, false);
        }));
    }

    private static ResponseEntity<Status> answer(Status status) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }

    /** {@code estimatedMinutes} is null while the line has not moved lately. */
    record Status(long position, Integer estimatedMinutes, boolean admitted) {

        static final Status ADMITTED = new Status(0, null, true);
    }
}
