package orgs

import (
	"math"
	"math/rand/v2"
	"slices"
)

// This file draws the simulated windows of docs/rules.md section 12 for SimulateRisk. The
// figures are a contract to the last bit (the same file gives the same figures on every
// run and machine), so the draws are those of the plain reading, in the same order: one
// uniform number at a time, two from each 64-bit PCG output (the high half first), a
// window's Poisson count by inversion of its distribution function, then one number for
// each of its incidents. What is fast here is how: the numbers are made in blocks, the
// inversion starts from a table instead of the first term, and the windows of a service
// whose incidents are summed are walked as one stream without a branch per window, which a
// processor cannot predict since the counts are random. TestSimulateRiskMatchesPlainReading
// holds the result to the plain reading.

// uniformBlock is how many 32-bit numbers are made at once.
const uniformBlock = 128

// uniforms is the stream of 32-bit numbers of a service's PCG; x stands for the uniform
// number x / 2^32 in [0, 1) (a week cut into 2^32 instants is finer than any figure the
// rules report).
type uniforms struct {
	src  rand.PCG
	next int
	buf  [uniformBlock]uint32
}

// newUniforms is the stream seeded by s1 and s2.
func newUniforms(s1, s2 uint64) uniforms {
	u := uniforms{next: uniformBlock}
	u.src.Seed(s1, s2)
	return u
}

// draw is the next number of the stream (small enough to be inlined in the loops).
func (u *uniforms) draw() uint32 {
	if u.next >= uniformBlock {
		u.refill()
	}
	x := u.buf[u.next]
	u.next++
	return x
}

// refill makes the next block of numbers.
func (u *uniforms) refill() {
	for i := 0; i < uniformBlock; i += 2 {
		x := u.src.Uint64()
		u.buf[i], u.buf[i+1] = uint32(x>>32), uint32(x)
	}
	u.next = 0
}

// poissonChunk is the largest mean sampled by inversion at once: e^-30 is far from
// underflow, and a larger mean is sampled as the sum of equal chunks below it.
const poissonChunk = 30.0

// guideBits is how many leading bits of a number index the inversion's starting table.
const guideBits = 8

// poisson samples a Poisson count of a fixed mean by inversion of its distribution
// function F, summing chunks of mean at most poissonChunk. The count for the number x is
// the first k with x / 2^32 < F(k); since x / 2^32 is exact, that is the first k with
// x < ceil(F(k) x 2^32), an integer threshold, and the thresholds below the smallest
// number of x's guide bucket are counted in advance.
type poisson struct {
	thresholds []uint64
	guide      [1 << guideBits]uint16
	chunks     int
}

// newPoisson is the sampler of mean lambda; its thresholds are written into the memory of
// thresholds when it has room.
func newPoisson(lambda float64, thresholds []uint64) poisson {
	if lambda <= 0 {
		return poisson{thresholds: thresholds[:0]}
	}
	chunks := int(math.Ceil(lambda / poissonChunk))
	mean := lambda / float64(chunks)
	p := math.Exp(-mean)
	acc := p
	thresholds = append(thresholds[:0], threshold(acc))
	for k := 1; acc < 1-1e-15 && k < 1000; k++ {
		p *= mean / float64(k)
		acc += p
		thresholds = append(thresholds, threshold(acc))
	}
	pn := poisson{thresholds: thresholds, chunks: chunks}
	k := 0
	for b := range pn.guide {
		lowest := uint64(b) << (32 - guideBits)
		for k < len(thresholds) && thresholds[k] <= lowest {
			k++
		}
		pn.guide[b] = uint16(k)
	}
	return pn
}

// threshold is the smallest 32-bit number x (2^32 and more for none) with x / 2^32 >= f.
func threshold(f float64) uint64 { return uint64(math.Ceil(f * 0x1p32)) }

// count is the count of one chunk for the number x.
func (p *poisson) count(x uint32) int {
	k := int(p.guide[x>>(32-guideBits)])
	for k < len(p.thresholds) && p.thresholds[k] <= uint64(x) {
		k++
	}
	return k
}

// sample draws one window's count.
func (p *poisson) sample(src *uniforms) int {
	n := 0
	for range p.chunks {
		n += p.count(src.draw())
	}
	return n
}

// windowSampler draws a service's windows: its incident counts, its numbers, its window,
// and the error budget a window breaches by exceeding.
type windowSampler struct {
	src     uniforms
	poisson poisson
	window  float64
	budget  float64
}

// windowTally is what the samplers note of the windows while they write them, so that
// percentile95 need not read them all once more: how many exceed the budget, and the
// largest.
type windowTally struct {
	breaches int
	largest  float64
}

// add notes the window d (already cut to the window's length).
func (t *windowTally) add(d, budget float64) {
	over := 0 // no branch: whether a window breaches is as random as the window
	if d > budget {
		over = 1
	}
	t.breaches += over
	if d > t.largest { // rarely taken after the first windows: predicted
		t.largest = d
	}
}

// windowsIn is n numbers of buf's memory when it has room.
func windowsIn(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}

// unattended is the downtime of runs windows of a service nobody restores: the window at
// the first incident.
func (w *windowSampler) unattended(runs int, buf []float64) ([]float64, windowTally) {
	out := windowsIn(buf, runs)
	var t windowTally
	for i := range out {
		out[i] = 0
		if w.poisson.sample(&w.src) > 0 {
			out[i] = w.window
		}
		t.add(out[i], w.budget)
	}
	return out, t
}

// constant is the downtime of runs windows of a service whose incidents cost each hours
// whenever they start: only the counts are drawn.
func (w *windowSampler) constant(runs int, each float64, buf []float64) ([]float64, windowTally) {
	out := windowsIn(buf, runs)
	var t windowTally
	for i := range out {
		out[i] = min(float64(w.poisson.sample(&w.src))*each, w.window)
		t.add(out[i], w.budget)
	}
	return out, t
}

// summed is the downtime of runs windows whose incidents, starting at the instant x of the
// week, cost base[h] - slope[h] x (x - h) hours each (h the hour x falls in).
func (w *windowSampler) summed(runs int, base, slope *[HoursPerWeek]float64, buf []float64) ([]float64, windowTally) {
	if w.poisson.chunks != 1 {
		return w.summedChunked(runs, base, slope, buf)
	}
	// Slot j of out holds window j-1 (slot 0 a window of no incident before the first):
	// each number either ends the window being summed and is the next one's count, or is
	// the start of one of its incidents. Both readings are computed, one is kept.
	out := windowsIn(buf, runs+1)
	// an hour's two figures side by side, in a table a byte indexes (the hour of a number
	// below 2^32 is below 168), so that no hour's reading is checked against the bounds
	var costs [256]hourCost
	for h := range HoursPerWeek {
		costs[h] = hourCost{base[h], slope[h]}
	}
	j, left, d := 0, 0, 0.0
	for j <= runs {
		x := w.src.draw()
		u := float64(x) * 0x1p-32
		at := u * HoursPerWeek
		h := int(at)
		c := &costs[uint8(h)]
		cost := c.base - c.slope*(at-float64(h))
		out[j] = d
		ends := 0
		if left == 0 {
			ends = 1
		}
		d = (d + cost) * float64(1-ends)
		left = (left-1)*(1-ends) + w.poisson.count(x)*ends
		j += ends
	}
	out = out[1:]
	var t windowTally
	for i := range out {
		out[i] = min(out[i], w.window)
		t.add(out[i], w.budget)
	}
	return out, t
}

// hourCost is what an incident starting in an hour costs: base less slope per hour past it.
type hourCost struct{ base, slope float64 }

// summedChunked is summed for a mean past poissonChunk, window by window.
func (w *windowSampler) summedChunked(runs int, base, slope *[HoursPerWeek]float64, buf []float64) ([]float64, windowTally) {
	out := windowsIn(buf, runs)
	var t windowTally
	for i := range out {
		d := 0.0
		for range w.poisson.sample(&w.src) {
			at := float64(w.src.draw()) * 0x1p-32 * HoursPerWeek
			h := int(at)
			d += base[h] - slope[h]*(at-float64(h))
		}
		out[i] = min(d, w.window)
		t.add(out[i], w.budget)
	}
	return out, t
}

// percentile95 is the nearest-rank 95th percentile of the windows' downtime (the value of
// rank ceil(0.95 runs)), the largest of which is largest; the windows are overwritten. The
// value sought is the k-th largest, k = runs - rank + 1: the windows are counted into
// buckets of equal width up to the largest (a bucket's index grows with the downtime),
// the bucket holding the k-th largest is found from the top, and only its windows are
// sorted. A heap of the k largest took a branch the processor could not predict for
// every window it moved.
func percentile95(windows []float64, largest float64) float64 {
	if len(windows) == 0 || largest == 0 {
		return 0
	}
	k := len(windows) - int(math.Ceil(0.95*float64(len(windows)))) + 1
	const buckets = 256
	scale := (buckets - 1) / largest
	// every window lies in 0..largest, so its bucket in 0..255: a byte, no bounds to check
	bucket := func(d float64) uint8 { return uint8(int(d * scale)) }
	// windows cluster in a few buckets (all those of no incident in the first), and adding
	// to one count waits for the add before; four sets of counts, taken in turn, let four
	// adds run at once
	var counts [4][buckets]int32
	i := 0
	for ; i+4 <= len(windows); i += 4 {
		counts[0][bucket(windows[i])]++
		counts[1][bucket(windows[i+1])]++
		counts[2][bucket(windows[i+2])]++
		counts[3][bucket(windows[i+3])]++
	}
	for ; i < len(windows); i++ {
		counts[0][bucket(windows[i])]++
	}
	var count [buckets]int32
	for b := range count {
		count[b] = counts[0][b] + counts[1][b] + counts[2][b] + counts[3][b]
	}
	b, above := uint8(buckets-1), 0
	for above+int(count[b]) < k {
		above += int(count[b])
		b--
	}
	in := windows[:0] // written behind the reading
	for _, d := range windows {
		if bucket(d) == b {
			in = append(in, d)
		}
	}
	slices.Sort(in)
	return in[len(in)-(k-above)]
}
