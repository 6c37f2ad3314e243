package org.rencontres.networking;

import static org.rencontres.networking.RotationChecks.number;
import static org.rencontres.networking.RotationChecks.strip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.Presence;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationSetup.Imported;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A rotation on the day, once its plan is published: late arrivals (typed or from the welcome
 * desk), departures, someone back after all, reprinted cards. None of these moves anybody: they
 * say from which round each person is there, and a re-planning ({@link RotationReplanning}) seats
 * them. Before publication the same actions fall back to the set-up's.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationOnTheDay {

    private final RotationStore store;
    private final ConfirmedRegistrants registrants;
    private final RotationSetup setup;
    private final LiveSessions live;
    private final RotationAudit audit;
    private final RotationDay rotationDay;

    /**
     * Where the live session stands: how many rounds have started (they are never changed again:
     * the one in progress and, during a changeover, the one people are moving to), whether the clock
     * was started at all, and whether it is over.
     */
    record Progress(int startedRounds, boolean started, boolean finished) {
    }

    Progress progress(NetworkingSession session) {
        Optional<LiveState> state = live.state(session.id());
        if (state.isEmpty() || state.get().status() == LiveStatus.NOT_STARTED) {
            return new Progress(0, false, false);
        }
        LiveState s = state.get();
        if (s.status() == LiveStatus.FINISHED) {
            return new Progress(s.roundCount(), true, true);
        }
        return new Progress(s.phase() == LivePhase.CHANGEOVER ? s.round() + 1 : s.round(), true, false);
    }

    Map<Long, Presence> presences(NetworkingSession session) {
        return store.presences(session.id());
    }

    /**
     * Adds the confirmed registrants who opted in and have been checked in at the welcome desk, and
     * are not in the list yet: to the set-up's list before publication, as late arrivals after it.
     */
    @Transactional
    Imported importCheckedIn(ManagedDay day, Organiser who, NetworkingSession session) {
        store.lock(session.id());
        if (store.status(session.id()).published()) {
            return importLateArrivals(day, who, session);
        }
        return setup.importRegistrants(day, who, session, true);
    }

    /**
     * On the day, with the plan published: the checked-in registrants not in the list yet join as
     * late arrivals, present from the first round not started, to be seated by a re-planning.
     */
    private Imported importLateArrivals(ManagedDay day, Organiser who, NetworkingSession session) {
        PlanStatus status = store.status(session.id());
        Progress progress = progress(session);
        if (progress.startedRounds() >= status.rounds()) {
            return new Imported(0, 0, Outcome.refused(FieldProblem.of("participants", "networking.replan.error.last")));
        }
        List<ConfirmedRegistrants.Registrant> here = registrants.checkedIn(day.id(),
                rotationDay.of(day, session));
        List<ConfirmedRegistrants.Registrant> arrivals = here.stream()
                .filter(r -> !store.hasRegistration(session.id(), r.registrationId())).toList();
        int already = here.size() - arrivals.size();
        for (ConfirmedRegistrants.Registrant r : arrivals) {
            store.addLateMember(session.id(), r.name(), r.organisation(), progress.startedRounds(), r.registrationId());
        }
        if (!arrivals.isEmpty()) {
            audit.record(day, who, "participants.arrived.late", "Speed dating « " + session.title() + " » : "
                    + arrivals.size() + " arrivée(s) de l'accueil, présente(s) à partir de la rotation "
                    + (progress.startedRounds() + 1) + " ; à placer par une re-planification");
        }
        return new Imported(arrivals.size(), already, Outcome.done(false));
    }

    /** A late arrival: added to the list of a published plan, present from the first round not started. */
    @Transactional
    Outcome addLate(ManagedDay day, Organiser who, NetworkingSession session, ParticipantForm form) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (!status.published()) {
            return setup.addMember(day, who, session, form);
        }
        List<FieldProblem> problems = RotationChecks.participant(form);
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        String name = strip(form.nom());
        String organisation = strip(form.organisation());
        Progress progress = progress(session);
        int rounds = status.rounds();
        if (progress.startedRounds() >= rounds) {
            return Outcome.refused(FieldProblem.of("nom", "networking.replan.error.last"));
        }
        Optional<FieldProblem> full = overCapacity(session, progress.startedRounds(), rounds, null, "nom");
        if (full.isPresent()) {
            return Outcome.refused(full.get());
        }
        store.addLateMember(session.id(), name, organisation.isEmpty() ? null : organisation,
                progress.startedRounds());
        audit.record(day, who, "participants.arrived.late", "Speed dating « " + session.title() + " » : arrivée de « "
                + name + " »" + (organisation.isEmpty() ? "" : " (" + organisation + ")") + ", présent(e) à partir de"
                + " la rotation " + (progress.startedRounds() + 1) + " ; à placer par une re-planification");
        return Outcome.done(false);
    }

    /** A departure: the person misses round {@code form.tour()} (counted from 1) and those after it. */
    @Transactional
    Outcome markLeft(ManagedDay day, Organiser who, NetworkingSession session, DepartureForm form) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (!status.published()) {
            return Outcome.refused(FieldProblem.of("participant", "networking.departure.error.not.published"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, Member> byId = new HashMap<>();
        store.members(session.id()).forEach(m -> byId.put(m.id(), m));
        Member member = RotationChecks.member(form.participant(), "participant", byId, problems);
        Integer round = number(form.tour(), "tour", "networking.departure.error.round.missing", problems);
        if (round != null && (round < 1 || round > status.rounds())) {
            problems.add(FieldProblem.of("tour", "networking.departure.error.round.range", status.rounds()));
            round = null;
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        Progress progress = progress(session);
        if (progress.startedRounds() >= status.rounds()) {
            return Outcome.refused(FieldProblem.of("tour", "networking.replan.error.last"));
        }
        if (round - 1 < progress.startedRounds()) {
            return Outcome.refused(FieldProblem.of("tour", "networking.departure.error.played", round,
                    progress.startedRounds() + 1));
        }
        store.setLeaves(session.id(), member.id(), round - 1);
        audit.record(day, who, "participants.left", "Speed dating « " + session.title() + " » : « " + member.name()
                + " » parti(e), absent(e) à partir de la rotation " + round + " ; à retirer par une re-planification");
        return Outcome.done(false);
    }

    /** Someone marked absent is there after all: present again from the first round not started. */
    @Transactional
    Outcome markArrived(ManagedDay day, Organiser who, NetworkingSession session, long participantId) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        Member member = store.member(session.id(), participantId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Presence presence = store.presences(session.id()).getOrDefault(participantId, Presence.ALWAYS);
        if (!status.published() || presence.leavesRound() == null) {
            return Outcome.refused(FieldProblem.of("participant", "networking.arrival.error.not.absent"));
        }
        Progress progress = progress(session);
        if (progress.startedRounds() >= status.rounds()) {
            return Outcome.refused(FieldProblem.of("participant", "networking.replan.error.last"));
        }
        Optional<FieldProblem> full = overCapacity(session, progress.startedRounds(), status.rounds(), participantId,
                "participant");
        if (full.isPresent()) {
            return Outcome.refused(full.get());
        }
        store.setLeaves(session.id(), participantId, null);
        audit.record(day, who, "participants.arrived", "Speed dating « " + session.title() + " » : « "
                + member.name() + " » est là, présent(e) à partir de la rotation " + (progress.startedRounds() + 1)
                + " ; à placer par une re-planification");
        return Outcome.done(false);
    }

    /** The organiser printed that person's card again. */
    @Transactional
    boolean markReprinted(ManagedDay day, Organiser who, NetworkingSession session, long participantId) {
        store.lock(session.id());
        Member member = store.member(session.id(), participantId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!store.presences(session.id()).getOrDefault(participantId, Presence.ALWAYS).reprint()) {
            return false;
        }
        store.setReprint(session.id(), List.of(participantId), false);
        audit.record(day, who, "participants.reprinted", "Speed dating « " + session.title() + " » : carte de « "
                + member.name() + " » réimprimée");
        return true;
    }

    /**
     * The problem when, from round {@code from} on, the people present (and the one about to be
     * added, {@code back} = null, or back, {@code back} = their id) would not fit at the tables.
     */
    private Optional<FieldProblem> overCapacity(NetworkingSession session, int from, int rounds, Long back,
                                                String field) {
        int seats = store.tables(session.id()).stream().mapToInt(RoomTable::capacity).sum();
        Map<Long, Presence> presences = store.presences(session.id());
        List<Member> members = store.members(session.id());
        for (int r = from; r < rounds; r++) {
            int round = r;
            long present = members.stream().filter(m -> (back == null || m.id() != back) && presences.getOrDefault(m.id(),
                    Presence.ALWAYS).attends(round)).count() + 1;
            if (present > seats) {
                return Optional.of(FieldProblem.of(field, "networking.replan.error.seats", present, seats, r + 1,
                        present - seats));
            }
        }
        return Optional.empty();
    }
}
