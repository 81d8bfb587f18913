package report

import (
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func (l *loader) loadWorkshops(d *waveData) error {
	type ws struct {
		id string
		w  *Workshop
	}
	var list []ws
	known := map[string]bool{}
	err := l.each(`SELECT workshop_id, COALESCE(title, ''), COALESCE(date, ''), COALESCE(area, ''), kind
		FROM workshops WHERE wave_id = ? ORDER BY date, workshop_id`, []any{d.w.ID}, func(r *sql.Rows) error {
		var id, kind string
		w := &Workshop{}
		if err := r.Scan(&id, &w.Title, &w.Date, &w.Area, &kind); err != nil {
			return err
		}
		w.Kind = map[string]string{"transcript": "記録", "notes": "付箋"}[kind]
		w.Title = workshopTitle(w.Title, id, kind)
		list = append(list, ws{id, w})
		known[id] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("read workshops: %w", err)
	}
	// Utterances of workshops missing from the workshops table still count.
	err = l.each(`SELECT DISTINCT workshop_id FROM docs WHERE wave_id = ? AND source = 'workshop'
		AND workshop_id IS NOT NULL ORDER BY workshop_id`, []any{d.w.ID}, func(r *sql.Rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		if !known[id] {
			list = append(list, ws{id, &Workshop{Title: workshopTitle("", id, "")}})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read workshop docs: %w", err)
	}
	// One pass over the wave's workshop documents; the best theme weight of
	// each is joined in from a grouped subquery, as doc_themes has no index
	// on doc_id.
	type utt struct {
		grp, speaker, text string
		weight             float64
		seq                int
	}
	type wsDocs struct {
		groups  []string
		byGroup map[string][]utt
		total   int
	}
	docs := map[string]*wsDocs{}
	err = l.each(`SELECT d.workshop_id, COALESCE(d.grp, ''), COALESCE(d.speaker, ''), COALESCE(d.text_masked, ''),
			COALESCE(t.w, -1)
		FROM docs d LEFT JOIN (
			SELECT dt.doc_id, MAX(dt.weight) AS w FROM doc_themes dt JOIN docs x ON x.doc_id = dt.doc_id
			WHERE x.wave_id = ? AND x.source = 'workshop' GROUP BY dt.doc_id
		) t ON t.doc_id = d.doc_id
		WHERE d.wave_id = ? AND d.source = 'workshop' AND d.workshop_id IS NOT NULL
		ORDER BY d.workshop_id, d.line, d.doc_id`, []any{d.w.ID, d.w.ID}, func(r *sql.Rows) error {
		var wid string
		var u utt
		if err := r.Scan(&wid, &u.grp, &u.speaker, &u.text, &u.weight); err != nil {
			return err
		}
		wd := docs[wid]
		if wd == nil {
			wd = &wsDocs{byGroup: map[string][]utt{}}
			docs[wid] = wd
		}
		wd.total++
		u.text = strings.TrimSpace(u.text)
		if _, ok := wd.byGroup[u.grp]; !ok {
			wd.groups = append(wd.groups, u.grp)
			wd.byGroup[u.grp] = nil
		}
		u.seq = len(wd.byGroup[u.grp])
		wd.byGroup[u.grp] = append(wd.byGroup[u.grp], u)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read workshop utterances: %w", err)
	}
	for _, it := range list {
		wd := docs[it.id]
		if wd == nil {
			wd = &wsDocs{}
		}
		groups, byGroup, total := wd.groups, wd.byGroup, wd.total
		it.w.Utterances = comma(total)
		hasSpeaker := false
		for _, us := range byGroup {
			for _, u := range us {
				hasSpeaker = hasSpeaker || u.speaker != ""
			}
		}
		it.w.Speakers = hasSpeaker
		for _, g := range groups {
			us := byGroup[g]
			// The utterances closest to a theme's centre are the most
			// representative; they are then shown in the order spoken.
			var pick []utt
			for _, u := range us {
				if u.text != "" {
					pick = append(pick, u)
				}
			}
			sort.SliceStable(pick, func(i, j int) bool { return pick[i].weight > pick[j].weight })
			if len(pick) > l.opts.Utterances {
				pick = pick[:l.opts.Utterances]
			}
			sort.SliceStable(pick, func(i, j int) bool { return pick[i].seq < pick[j].seq })
			wg := WorkshopGroup{Name: g, Total: comma(len(us)), Shown: len(pick)}
			if wg.Name == "" {
				wg.Name = "全体"
			}
			for _, u := range pick {
				// Sticky notes have no speaker and show none; in a
				// transcript a missing one is said so.
				sp := u.speaker
				if sp == "" && hasSpeaker {
					sp = "（発言者不明）"
				}
				wg.Voices = append(wg.Voices, Voice{Speaker: sp, Text: truncRunes(u.text, maxQuoteRunes)})
			}
			it.w.Groups = append(it.w.Groups, wg)
		}
		d.w.Workshops = append(d.w.Workshops, it.w)
	}
	return nil
}

func (l *loader) loadQuarantine(d *waveData) error {
	type reason struct {
		text string
		n    int
	}
	var reasons []reason
	err := l.each(`SELECT reason, COUNT(*) FROM quarantine WHERE wave_id = ?
		GROUP BY reason ORDER BY COUNT(*) DESC, reason`, []any{d.w.ID}, func(r *sql.Rows) error {
		var x reason
		if err := r.Scan(&x.text, &x.n); err != nil {
			return err
		}
		reasons = append(reasons, x)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read quarantine: %w", err)
	}
	if len(reasons) > maxReasons {
		more := 0
		for _, r := range reasons[maxReasons:] {
			more += r.n
		}
		d.w.QuarantineMore = fmt.Sprintf("ほか%s種類の理由で%s行", comma(len(reasons)-maxReasons), comma(more))
		reasons = reasons[:maxReasons]
	}
	for _, r := range reasons {
		g := QuarantineGroup{Reason: r.text, N: comma(r.n)}
		err := l.each(`SELECT source_path, line FROM quarantine WHERE wave_id = ? AND reason = ?
			ORDER BY source_path, line, col LIMIT ?`, []any{d.w.ID, r.text, maxLocations}, func(rows *sql.Rows) error {
			var p string
			var line int
			if err := rows.Scan(&p, &line); err != nil {
				return err
			}
			g.Locations = append(g.Locations, p+":"+strconv.Itoa(line))
			return nil
		})
		if err != nil {
			return fmt.Errorf("read quarantine locations: %w", err)
		}
		if r.n > len(g.Locations) {
			g.More = "ほか" + comma(r.n-len(g.Locations)) + "件"
		}
		d.w.Quarantine = append(d.w.Quarantine, g)
	}
	return nil
}

// workshopTitle names a workshop by its front-matter title. Without one
// (ingest then stores the id, often a file name such as fusen-r8-wakamono)
// it says what the record is, keeping the id in brackets so staff can find
// the file.
func workshopTitle(title, id, kind string) string {
	if title != "" && title != id {
		return title
	}
	what := "ワークショップの記録"
	if kind == "notes" {
		what = "付箋の記録"
	}
	if id == "" {
		return what
	}
	return what + "（" + id + "）"
}
