package io.affinity.client;

import io.affinity.client.error.PaginationException;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PageFetcher;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.InteractionQuery;
import io.affinity.model.CreateInteractionRequest;
import io.affinity.model.Interaction;
import io.affinity.model.InteractionDirection;
import io.affinity.model.InteractionType;
import io.affinity.model.UpdateInteractionRequest;
import io.affinity.model.wire.InteractionsPage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Meetings, calls, chat messages and emails (Enterprise-tier accounts only). Reached through
 * {@link AffinityClient#interactions()}. Interaction ids are unique only per type, so every call on one
 * interaction takes its type too.
 */
public final class Interactions {

    /** The longest range one {@code GET /interactions} request may cover. */
    static final Duration MAX_WINDOW = Duration.ofDays(365);

    private static final String LIST_PATH = "/interactions";
    private static final ResponseType<InteractionsPage> INTERACTIONS_PAGE = ResponseType.of(InteractionsPage.class);
    private static final ResponseType<Interaction> INTERACTION = ResponseType.of(Interaction.class);

    private final ApiEngine engine;

    Interactions(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Lists the interactions of one type involving a person, organization or opportunity between two times
     * ({@code GET /interactions}), page by page as they are consumed.
     *
     * <p>The range may be of any length. The API answers at most one year per request, so a range longer than
     * 365 days is walked as consecutive windows of at most 365 days whose edges meet (each window starts exactly
     * where the next, older one ends; the server includes a range's start and excludes its end, so nothing is
     * missed or returned twice), from the newest window back to the oldest: with the API's newest-first order inside a window, the whole walk is newest first. Each window is
     * paged to its end before the next one starts, all in this one flux, and demand still drives every request:
     * {@code take(1)} sends one request. Page tokens of a multi-window walk name their window, so
     * {@link PagedFlux#byPage(String)} resumes such a walk too.
     *
     * <p>Checked before sending: {@code type}, {@code startTime} and {@code endTime} set, start before end, at
     * least one of {@code personId}, {@code organizationId}, {@code opportunityId}; ids positive; {@code pageSize}
     * 1 to {@value InteractionQuery#MAX_PAGE_SIZE}; {@code direction} only for chat messages and emails.
     *
     * @param query the interactions to list
     * @return the interactions (taken from {@code emails}, {@code events} or {@code chat_messages} by type); fails
     *         with {@link IllegalArgumentException} before sending when the query breaks these rules, and with an
     *         {@link io.affinity.client.error.AffinityException} when a call fails
     */
    public PagedFlux<Interaction> list(InteractionQuery query) {
        // an empty window answers one empty page that leads to the next window: those do not count as endless
        return engine.paged(new WindowedPages(query), windowCount(query));
    }

    /**
     * Gets one interaction ({@code GET /interactions/{id}?type=}).
     *
     * @param interactionId the interaction's id, positive
     * @param type          its type
     * @return the interaction; fails with {@link IllegalArgumentException} before sending on invalid arguments,
     *         with a {@link io.affinity.client.error.NotFoundException} when there is no such interaction, and with
     *         an {@link io.affinity.client.error.AffinityException} when the call fails otherwise
     */
    public Mono<Interaction> get(long interactionId, InteractionType type) {
        return engine.mono(
                () -> ApiRequest.get("/interactions/{id}")
                        .pathParam("id", Args.positive("interactionId", interactionId))
                        .query("type", Args.notNull("type", type).value())
                        .build(),
                INTERACTION);
    }

    /**
     * Logs an interaction manually ({@code POST /interactions}); the user of the API key is its creator.
     *
     * <p>Checked before sending: {@code type} is {@link InteractionType#MEETING}, {@link InteractionType#CALL} or
     * {@link InteractionType#CHAT_MESSAGE} (emails cannot be created); {@code personIds} holds at least one
     * positive id (the server also wants an internal person among them); {@code content} not blank;
     * {@code direction} only for chat messages.
     *
     * @param request the interaction
     * @return the interaction created; fails with {@link IllegalArgumentException} before sending when the request
     *         breaks these rules, and with an {@link io.affinity.client.error.AffinityException} when the call
     *         fails
     */
    public Mono<Interaction> create(CreateInteractionRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    InteractionType type = Args.notNull("type", request.type());
                    Args.check(
                            type.equals(InteractionType.MEETING)
                                    || type.equals(InteractionType.CALL)
                                    || type.equals(InteractionType.CHAT_MESSAGE),
                            "type",
                            "must be MEETING, CALL or CHAT_MESSAGE when creating an interaction, was " + type);
                    SearchParams.positiveIds("personIds", Optional.of(Args.notEmpty("personIds", request.personIds())));
                    Args.notBlank("content", request.content());
                    Args.check(
                            request.direction().isEmpty() || type.equals(InteractionType.CHAT_MESSAGE),
                            "direction",
                            "only applies to CHAT_MESSAGE interactions");
                    return ApiRequest.post(LIST_PATH).jsonBody(request).build();
                },
                INTERACTION);
    }

    /**
     * Updates the content or date of an interaction ({@code PUT /interactions/{id}}); the request's {@code type}
     * identifies it.
     *
     * <p>Checked before sending: {@code interactionId} positive; {@code personIds}, when set, holds at least one
     * positive id (left out, the persons are unchanged: the reference's own example sends no {@code person_ids},
     * although its table marks them required); {@code content}, when set, not blank.
     *
     * @param interactionId the interaction's id, positive
     * @param request       its type and the new values
     * @return the interaction updated; fails with {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Interaction> update(long interactionId, UpdateInteractionRequest request) {
        return engine.mono(
                () -> {
                    long id = Args.positive("interactionId", interactionId);
                    Args.notNull("request", request);
                    Args.notNull("type", request.type());
                    request.personIds()
                            .ifPresent(ids -> SearchParams.positiveIds(
                                    "personIds", Optional.of(Args.notEmpty("personIds", ids))));
                    request.content().ifPresent(content -> Args.notBlank("content", content));
                    return ApiRequest.put("/interactions/{id}")
                            .pathParam("id", id)
                            .jsonBody(request)
                            .build();
                },
                INTERACTION);
    }

    /**
     * Deletes an interaction ({@code DELETE /interactions/{id}?type=}).
     *
     * @param interactionId the interaction's id, positive
     * @param type          its type
     * @return completes when the server confirmed the deletion; fails with {@link IllegalArgumentException}
     *         before sending on invalid arguments, with an
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when the server did not confirm it,
     *         and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Void> delete(long interactionId, InteractionType type) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/interactions/{id}")
                        .pathParam("id", Args.positive("interactionId", interactionId))
                        .query("type", Args.notNull("type", type).value())
                        .build());
    }

    /**
     * The pages of one interaction walk over one or more windows. A walk of one window passes the server's
     * page tokens through; a walk of several uses tokens {@code "<window>:<server token>"}, where an empty
     * server token starts that window.
     */
    private final class WindowedPages implements PageFetcher<Interaction> {

        private final InteractionQuery query;

        WindowedPages(InteractionQuery query) {
            this.query = query;
        }

        @Override
        public Mono<Page<Interaction>> fetch(String pageToken) {
            return Mono.defer(() -> {
                Windows windows = Windows.of(query);
                Position position = windows.position(pageToken);
                return engine.page(() -> request(windows, position), INTERACTIONS_PAGE)
                        .map(page -> windows.page(
                                position,
                                items(page, query.type().orElseThrow()),
                                page.nextPageToken().orElse(null)));
            });
        }

        private ApiRequest request(Windows windows, Position position) {
            return ApiRequest.get(LIST_PATH)
                    .query("type", query.type().orElseThrow().value())
                    .query(
                            "logging_type",
                            query.loggingType().map(type -> type.value()).orElse(null))
                    .query("person_id", OptionalArgs.positive("personId", query.personId()))
                    .query("organization_id", OptionalArgs.positive("organizationId", query.organizationId()))
                    .query("opportunity_id", OptionalArgs.positive("opportunityId", query.opportunityId()))
                    .query("internal_person_id", OptionalArgs.positive("internalPersonId", query.internalPersonId()))
                    .query(
                            "direction",
                            query.direction().map(InteractionDirection::value).orElse(null))
                    .query("start_time", iso(windows.start(position.window())))
                    .query("end_time", iso(windows.end(position.window())))
                    .query(
                            "page_size",
                            OptionalArgs.inRange("pageSize", query.pageSize(), 1, InteractionQuery.MAX_PAGE_SIZE))
                    .query("page_token", position.serverToken())
                    .build();
        }

        @Override
        public RuntimeException repeatedTokenError(String pageToken) {
            return new PaginationException("GET", LIST_PATH, pageToken);
        }

        @Override
        public RuntimeException emptyPagesError(int emptyPages, String pageToken) {
            return new PaginationException("GET", LIST_PATH, emptyPages, pageToken);
        }
    }

    /** @return the number of windows of the query's range, or 0 when the query is invalid (the walk fails then) */
    private static int windowCount(InteractionQuery query) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, Windows.of(query).count());
        } catch (IllegalArgumentException invalid) {
            return 0;
        }
    }

    /** Where a walk is: a window (0 is the newest) and the server's token in it ({@code null} at its start). */
    private record Position(long window, String serverToken) {}

    /**
     * The windows of a checked query, newest first: window {@code k} ends {@code k * 365} days before the end
     * and starts where window {@code k + 1} ends, the oldest at the query's start.
     */
    private record Windows(OffsetDateTime start, OffsetDateTime end, long count) {

        /** Checks the query and splits its range. */
        static Windows of(InteractionQuery query) {
            Args.notNull("query", query);
            InteractionType type = query.type().orElse(null);
            Args.check(type != null, "type", "is required");
            OffsetDateTime start = query.startTime().orElse(null);
            OffsetDateTime end = query.endTime().orElse(null);
            Args.check(start != null, "startTime", "is required");
            Args.check(end != null, "endTime", "is required");
            Args.check(start.isBefore(end), "startTime", "must be before endTime, was " + start + " and " + end);
            Args.check(
                    OptionalArgs.countPresent(query.personId(), query.organizationId(), query.opportunityId()) > 0,
                    "personId, organizationId, opportunityId",
                    "at least one must be set");
            Args.check(
                    query.direction().isEmpty()
                            || type.equals(InteractionType.CHAT_MESSAGE)
                            || type.equals(InteractionType.EMAIL),
                    "direction",
                    "only applies to CHAT_MESSAGE and EMAIL");
            Duration range = Duration.between(start, end);
            long whole = range.dividedBy(MAX_WINDOW);
            boolean exact = range.minus(MAX_WINDOW.multipliedBy(whole)).isZero();
            return new Windows(start, end, exact ? whole : whole + 1);
        }

        OffsetDateTime end(long window) {
            return end.minus(MAX_WINDOW.multipliedBy(window));
        }

        OffsetDateTime start(long window) {
            return window == count - 1 ? start : end.minus(MAX_WINDOW.multipliedBy(window + 1L));
        }

        /** Reads a page token of this walk; {@code null} is the walk's start. */
        Position position(String pageToken) {
            if (pageToken == null) {
                return new Position(0, null);
            }
            if (count == 1) {
                return new Position(0, pageToken);
            }
            int colon = pageToken.indexOf(':');
            long window = -1;
            if (colon > 0) {
                try {
                    window = Long.parseLong(pageToken.substring(0, colon));
                } catch (NumberFormatException notANumber) {
                    window = -1;
                }
            }
            Args.check(
                    window >= 0 && window < count,
                    "continuationToken",
                    "is not a page token of this interaction walk: " + pageToken);
            String serverToken = pageToken.substring(colon + 1);
            return new Position(window, serverToken.isEmpty() ? null : serverToken);
        }

        /** The page to hand out: the server's token, or the start of the next window, or the end. */
        Page<Interaction> page(Position position, List<Interaction> items, String serverToken) {
            if (count == 1) {
                return Page.of(items, serverToken);
            }
            String next = serverToken != null
                    ? position.window() + ":" + serverToken
                    : position.window() + 1 < count ? (position.window() + 1) + ":" : null;
            return Page.of(items, next);
        }
    }

    /** The items of a page: under {@code emails}, {@code events} or {@code chat_messages} by type. */
    private static List<Interaction> items(InteractionsPage page, InteractionType type) {
        if (type.equals(InteractionType.EMAIL)) {
            return page.emails();
        }
        if (type.equals(InteractionType.CHAT_MESSAGE)) {
            return page.chatMessages();
        }
        if (type.equals(InteractionType.MEETING) || type.equals(InteractionType.CALL)) {
            return page.events();
        }
        // a type this SDK does not know yet: whichever list the server filled
        return Optional.of(page.events())
                .filter(list -> !list.isEmpty())
                .or(() -> Optional.of(page.emails()).filter(list -> !list.isEmpty()))
                .orElse(page.chatMessages());
    }

    private static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
