package report

import "math"

// This file places point labels on the charts that have them (the CS
// scatter, the co-occurrence network and the correspondence analysis map)
// so that no label covers another label or a point.

// labelItem is a point to label.
type labelItem struct {
	cx, cy float64   // the point's centre
	w      float64   // label width; the height is scLabelH
	dists  []float64 // distances from the centre to try, nearest first
	edge   float64   // radius of the marker, where a leader line starts
	// optional labels are left out rather than placed where they would
	// overlap something; the caller says where else the word is shown.
	optional bool
}

// labelPlace is where a label went.
type labelPlace struct {
	box      rect
	leader   bool // placed beyond the nearest distance: joined by a line
	dropped  bool // an optional label that fitted nowhere
	lx1, ly1 float64
	lx2, ly2 float64
}

// placeLabels places the labels of items in the order given by seq, each
// at the first of several positions around its point (candidates) that
// collides with nothing in blocked, no marker in dots but its own (dots[i]
// belongs to items[i]) and no label placed before it, and stays inside
// bounds; failing that at the nearest distance, farther out with a leader
// line; failing that, where it overlaps least, or for an optional label
// nowhere. The order of items and of
// positions is fixed, so the same data always gives the same picture.
// blocked is not modified; the placed labels are returned in item order.
func placeLabels(items []labelItem, seq []int, dots, blocked []rect, bounds rect) []labelPlace {
	out := make([]labelPlace, len(items))
	taken := append([]rect(nil), blocked...)
	cost := func(r rect, self int) float64 {
		r = pad(r, 1)
		c := 0.0
		for _, b := range taken {
			c += b.overlap(r)
		}
		for j, b := range dots {
			if j != self {
				c += b.overlap(r)
			}
		}
		return c
	}
	// A leader that would run through a label placed before reads as
	// joining the wrong words; it costs as much as a small overlap.
	crossing := func(r rect, it labelItem) float64 {
		tx := math.Max(r.x0, math.Min(it.cx, r.x1))
		ty := math.Max(r.y0, math.Min(it.cy, r.y1))
		c := 0.0
		for _, b := range taken {
			if segmentHits(it.cx, it.cy, tx, ty, pad(b, 1)) {
				c += leaderCrossCost
			}
		}
		return c
	}
	for _, i := range seq {
		it := items[i]
		d0 := it.dists[0]
		// No position fits inside the bounds only for a label wider than
		// them; it then goes right of its point.
		best, bestCost, bestDist := rect{it.cx + d0, it.cy - scLabelH/2, it.cx + d0 + it.w, it.cy + scLabelH/2}, math.Inf(1), d0
	search:
		for _, d := range it.dists {
			for _, r := range candidates(it.cx, it.cy, it.w, d) {
				if !r.inside(bounds) {
					continue
				}
				c := cost(r, i)
				if d > d0 {
					c += crossing(r, it)
				}
				if c < bestCost {
					best, bestCost, bestDist = r, c, d
				}
				if c == 0 {
					break search
				}
			}
		}
		if it.optional && bestCost > 0 {
			out[i] = labelPlace{dropped: true}
			continue
		}
		p := labelPlace{box: best}
		if bestDist > d0 {
			// Leader from the marker's edge to the nearest point of the label.
			tx := math.Max(best.x0, math.Min(it.cx, best.x1))
			ty := math.Max(best.y0, math.Min(it.cy, best.y1))
			dx, dy := tx-it.cx, ty-it.cy
			if l := math.Hypot(dx, dy); l > 0 {
				p.leader = true
				p.lx1, p.ly1 = it.cx+dx/l*it.edge, it.cy+dy/l*it.edge
				p.lx2, p.ly2 = tx, ty
			}
		}
		out[i] = p
		taken = append(taken, best)
	}
	return out
}

// leaderCrossCost is what a leader through a placed label costs, in the
// px² of overlap the other costs are measured in: as bad as a label
// overlapping another by a few pixels.
const leaderCrossCost = 40.0

// segmentHits reports whether the segment from (x0, y0) to (x1, y1) passes
// through r (Liang–Barsky clipping).
func segmentHits(x0, y0, x1, y1 float64, r rect) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, pq := range [4][2]float64{{-dx, x0 - r.x0}, {dx, r.x1 - x0}, {-dy, y0 - r.y0}, {dy, r.y1 - y0}} {
		p, q := pq[0], pq[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// candidates are the label rectangles tried around a point at distance d:
// right, left, above, below, then the four diagonals. Right comes first
// because Japanese reads left to right and a label after its point reads
// as belonging to it.
func candidates(cx, cy, w, d float64) []rect {
	h := scLabelH
	k := d * 0.7
	return []rect{
		{cx + d, cy - h/2, cx + d + w, cy + h/2},
		{cx - d - w, cy - h/2, cx - d, cy + h/2},
		{cx - w/2, cy - d - h, cx + w/2, cy - d},
		{cx - w/2, cy + d, cx + w/2, cy + d + h},
		{cx + k, cy - k - h, cx + k + w, cy - k},
		{cx + k, cy + k, cx + k + w, cy + k + h},
		{cx - k - w, cy - k - h, cx - k, cy - k},
		{cx - k - w, cy + k, cx - k, cy + k + h},
	}
}

func pad(r rect, p float64) rect { return rect{r.x0 - p, r.y0 - p, r.x1 + p, r.y1 + p} }
