-- A national body's data for bench/volume.sh, set-based (generate_series, INSERT ... SELECT), inserted
-- as the modules store it (see the migrations V2 directory, V3/V38 event, V4 programme, V12/V29
-- registration, V20/V38 attendance). Run by psql with -v scale=0.1 or 1:
--   scale 1: 50,000 organisations, 20,000 published sessions (one day each) of 14 programme slots
--   (280,000), 1,000,000 registrations with their transitions; session ZVOL 00001 holds 5,000 of them
--   (4,000 confirmed, 500 on the waiting list, 500 waiting for the organiser), 3,000 present both
--   half-days, and 20 walk-ins. Scale 0.1 is a tenth of everything but that one session.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SELECT greatest(1, round(50000 * :scale))::int AS orgs, greatest(2, round(20000 * :scale))::int AS sessions,
       greatest(10000, round(1000000 * :scale))::int - 5000 AS others \gset

-- Directory: organisations of every kind; their names are searchable ("Saint-…" one in 7).
INSERT INTO organisation (name, short_name, kind, siren, postcode, city)
SELECT CASE WHEN i % 7 = 0 THEN 'Commune de Saint-Martin-' || i
            WHEN i % 7 = 1 THEN 'Communauté de communes du Val ' || i
            ELSE (ARRAY['Ville de Beaulieu-', 'Département ', 'Syndicat mixte ', 'Centre hospitalier ', 'Association ',
                        'Commune de Grandville-'])[1 + i % 6] || i END,
       NULL,
       (ARRAY['COMMUNE', 'INTERCOMMUNALITE', 'DEPARTEMENT', 'REGION', 'PUBLIC_BODY', 'ASSOCIATION', 'OTHER'])[1 + i % 7],
       lpad((100000000 + i)::text, 9, '0'), lpad((1000 + i % 95000)::text, 5, '0'),
       (ARRAY['Lyon', 'Rennes', 'Nancy', 'Angers', 'Pau', 'Dijon', 'Orléans', 'Montpellier'])[1 + i % 8]
FROM generate_series(1, :orgs) AS i;
CREATE TEMP TABLE v_org AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM organisation;
SELECT count(*) AS org_count FROM v_org \gset

-- Event: published sessions over the next two years, one day each; one in five about « numérique ».
INSERT INTO event_day (session_code, title, subtitle, first_date, last_date, status, programme_provisional,
                       organising_unit, context, audience)
SELECT 'ZVOL ' || lpad(i::text, 5, '0'),
       (ARRAY['Actualité du numérique territorial', 'Commande publique : les nouveautés', 'Ressources humaines et carrières',
              'Urbanisme et transition écologique', 'Action sociale de proximité'])[1 + i % 5] || ' n° ' || i,
       'Journée d''actualité', current_date + 30 + (i % 700), current_date + 30 + (i % 700), 'PUBLISHED', false,
       'INSET ' || (ARRAY['de Nancy', 'de Montpellier', 'd''Angers', 'de Dunkerque', 'de Grenoble'])[1 + i % 5],
       'Une journée pour faire le point sur l''actualité du domaine et échanger entre collectivités.',
       'Agents et cadres des collectivités territoriales.'
FROM generate_series(1, :sessions) AS i;
CREATE TEMP TABLE v_day AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM event_day WHERE session_code LIKE 'ZVOL %';
INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
SELECT d.id, e.first_date, '09:00', '17:00' FROM v_day d JOIN event_day e ON e.id = d.id;
INSERT INTO registration_capacity (event_day_id, seats, offer_hours)
SELECT id, CASE WHEN n = 1 THEN 4000 ELSE 60 END, 48 FROM v_day;

-- Programme: 14 slots a session, from 9:00 to 16:30 by half-hours.
INSERT INTO programme_slot (event_day_id, session_day_id, starts_at, ends_at, kind, title, description, position)
SELECT d.id, s.id, time '09:00' + (k - 1) * interval '30 minutes', time '09:30' + (k - 1) * interval '30 minutes',
       (ARRAY['WELCOME', 'SPEECH', 'TALK', 'TALK', 'SHARING', 'INTERACTION', 'MEAL', 'TALK', 'WORKSHOP', 'WORKSHOP',
              'TALK', 'SHARING', 'CLOSING', 'END'])[k],
       'Séquence ' || k, 'Intervention et échanges avec la salle.', k
FROM v_day d JOIN event_session_day s ON s.event_day_id = d.id, generate_series(1, 14) AS k;

-- Registration: session 1 holds 5,000 (4,000 confirmed, 500 waiting list, 500 waiting for the organiser);
-- the others share the rest, in every state the chain leaves.
CREATE TEMP TABLE v_reg AS
SELECT i, (SELECT id FROM v_day WHERE n = 1) AS day_id,
       CASE WHEN i <= 4000 THEN 'CONFIRMED' WHEN i <= 4500 THEN 'WAITING_LIST' ELSE 'AWAITING_ORGANISER' END AS state
FROM generate_series(1, 5000) AS i
UNION ALL
SELECT 5000 + i, d.id,
       CASE i % 20 WHEN 0 THEN 'REFUSED' WHEN 1 THEN 'WITHDRAWN' WHEN 2 THEN 'AWAITING_MANAGER'
                   WHEN 3 THEN 'AWAITING_ORGANISER' ELSE 'CONFIRMED' END
FROM generate_series(1, :others) AS i JOIN v_day d ON d.n = 2 + i % (:sessions - 1);
INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service, employer_organisation_id,
                          employer_name, line_manager_email, consent_at, state, waiting_position, created_at,
                          networking_opt_in)
SELECT r.day_id,
       (ARRAY['Martin', 'Bernard', 'Grand', 'Dubois', 'Legrand', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Grandjean',
              'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Élie', 'Roux', 'Fournier', 'Girard', 'Bonnet'])[1 + r.i % 20],
       (ARRAY['Inès', 'Paul', 'Chloé', 'Hugo', 'Léa', 'Louis', 'Emma', 'Jules', 'Zoé', 'Adam', 'Anaïs'])[1 + r.i % 11]
         || ' ' || r.i,
       'agent' || r.i || '@collectivite.example', '01 23 45 67 89', 'Gestionnaire, service des ressources humaines',
       CASE WHEN r.i % 25 = 0 THEN NULL ELSE o.id END,
       CASE WHEN r.i % 25 = 0 THEN 'Mairie annexe ' || (r.i % 300) END,
       'responsable' || r.i || '@collectivite.example', now() - interval '30 days', r.state,
       CASE WHEN r.state = 'WAITING_LIST' THEN r.i - 4000 END, now() - interval '30 days' + (r.i % 1000) * interval '1 minute',
       r.i % 3 = 0
FROM v_reg r JOIN v_org o ON o.n = 1 + (r.i::bigint * 7919) % :org_count;
ANALYZE registration;

-- Their transitions, as the chain records them: request, line manager, training service, organiser, outcome.
CREATE TEMP TABLE v_path (state TEXT, step INT, from_state TEXT, to_state TEXT);
INSERT INTO v_path VALUES
  ('CONFIRMED', 1, NULL, 'REQUESTED'), ('CONFIRMED', 2, 'REQUESTED', 'AWAITING_MANAGER'),
  ('CONFIRMED', 3, 'AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE'),
  ('CONFIRMED', 4, 'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER'), ('CONFIRMED', 5, 'AWAITING_ORGANISER', 'CONFIRMED'),
  ('WAITING_LIST', 1, NULL, 'REQUESTED'), ('WAITING_LIST', 2, 'REQUESTED', 'AWAITING_MANAGER'),
  ('WAITING_LIST', 3, 'AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE'),
  ('WAITING_LIST', 4, 'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER'),
  ('WAITING_LIST', 5, 'AWAITING_ORGANISER', 'WAITING_LIST'),
  ('AWAITING_ORGANISER', 1, NULL, 'REQUESTED'), ('AWAITING_ORGANISER', 2, 'REQUESTED', 'AWAITING_MANAGER'),
  ('AWAITING_ORGANISER', 3, 'AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE'),
  ('AWAITING_ORGANISER', 4, 'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER'),
  ('AWAITING_MANAGER', 1, NULL, 'REQUESTED'), ('AWAITING_MANAGER', 2, 'REQUESTED', 'AWAITING_MANAGER'),
  ('REFUSED', 1, NULL, 'REQUESTED'), ('REFUSED', 2, 'REQUESTED', 'AWAITING_MANAGER'),
  ('REFUSED', 3, 'AWAITING_MANAGER', 'REFUSED'),
  ('WITHDRAWN', 1, NULL, 'REQUESTED'), ('WITHDRAWN', 2, 'REQUESTED', 'AWAITING_MANAGER'),
  ('WITHDRAWN', 3, 'AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE'),
  ('WITHDRAWN', 4, 'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER'),
  ('WITHDRAWN', 5, 'AWAITING_ORGANISER', 'WITHDRAWN');
INSERT INTO registration_transition (registration_id, from_state, to_state, at, actor, reason, in_place)
SELECT r.id, p.from_state, p.to_state, r.created_at + p.step * interval '1 day',
       CASE WHEN p.step <= 2 THEN 'Agent' ELSE 'formation@collectivite.example' END,
       CASE WHEN p.to_state IN ('REFUSED', 'WITHDRAWN') THEN 'Banc d''essai du volume' END, false
FROM registration r JOIN v_path p ON p.state = r.state
WHERE r.email LIKE 'agent%@collectivite.example'
ORDER BY r.id, p.step;

-- Attendance of session 1: 3,000 of its confirmed present morning and afternoon, and 20 walk-ins.
INSERT INTO attendance (day_id, session_day_id, half_day, registration_id, present_at, recorded_by)
SELECT r.event_day_id, s.id, h, r.id, now(), 'Accueil'
FROM registration r JOIN event_session_day s ON s.event_day_id = r.event_day_id,
     (VALUES ('MORNING'), ('AFTERNOON')) AS v(h)
WHERE r.event_day_id = (SELECT id FROM v_day WHERE n = 1) AND r.state = 'CONFIRMED' AND r.id % 4 <> 0;
INSERT INTO attendance_walk_in (day_id, surname, given_name, organisation, created_by)
SELECT (SELECT id FROM v_day WHERE n = 1), 'Passant ' || i, 'Camille', 'Commune de Grandville-' || i, 'Accueil'
FROM generate_series(1, 20) AS i;
INSERT INTO attendance (day_id, session_day_id, half_day, walk_in_id, present_at, recorded_by)
SELECT w.day_id, s.id, 'MORNING', w.id, now(), 'Accueil'
FROM attendance_walk_in w JOIN event_session_day s ON s.event_day_id = w.day_id
WHERE w.day_id = (SELECT id FROM v_day WHERE n = 1);

ANALYZE;
SELECT (SELECT count(*) FROM organisation) AS organisations, (SELECT count(*) FROM event_day WHERE status = 'PUBLISHED') AS sessions,
       (SELECT count(*) FROM programme_slot) AS slots, (SELECT count(*) FROM registration) AS registrations,
       (SELECT count(*) FROM registration_transition) AS transitions, (SELECT count(*) FROM attendance) AS presences;
