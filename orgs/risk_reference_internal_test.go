package orgs

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The simulation is a contract of its own (docs/rules.md section 12): the same file gives
// the same figures on every run and machine, release after release. SimulateRisk draws
// its windows the fast way; referenceSimulateRisk below is the plain reading of the rules
// it must agree with to the last bit: one uniform number at a time (two from each 64-bit
// PCG output, the high half first), a Poisson count by inversion of its distribution
// function, each incident's downtime summed in order, and the 95th percentile as the
// value of rank ceil(0.95 runs) of the sorted windows.

// referenceSimulateRisk is the risk of in over runs windows, simulated plainly.
func referenceSimulateRisk(in *RiskInput, runs int) ServiceRisk {
	r := SimulateRisk(in, 1, nil) // the exact figures; the simulated ones are set below
	runs = max(1, runs)
	r.Runs = runs
	lambda := r.ExpectedIncidents
	e := engagementOf(in.Responders)
	var base, slope [HoursPerWeek]float64
	for h := range HoursPerWeek {
		if !e.any {
			break
		}
		base[h] = float64(e.wait[h]) + float64(in.Responders[e.engagedBy(h)].AckMinutes)/60 + in.RestoreHours
		if e.wait[h] > 0 {
			slope[h] = 1
		}
	}
	constant := !r.Unattended && sameEverywhere(&base, &slope)
	s1, s2 := RiskSeed(in.Name, in.WindowDays)
	pcg := rand.NewPCG(s1, s2)
	var spare uint32
	var hasSpare bool
	uniform := func() float64 {
		if hasSpare {
			hasSpare = false
			return float64(spare) * 0x1p-32
		}
		x := pcg.Uint64()
		spare, hasSpare = uint32(x), true
		return float64(x>>32) * 0x1p-32
	}
	// Poisson by inversion, in equal chunks of mean at most 30
	var cdf []float64
	chunks := 0
	if lambda > 0 {
		chunks = int(math.Ceil(lambda / 30))
		mean := lambda / float64(chunks)
		p := math.Exp(-mean)
		acc := p
		cdf = append(cdf, p)
		for k := 1; acc < 1-1e-15 && k < 1000; k++ {
			p *= mean / float64(k)
			acc += p
			cdf = append(cdf, acc)
		}
	}
	windows := make([]float64, runs)
	breaches := 0
	for w := range windows {
		n := 0
		for range chunks {
			u := uniform()
			k := 0
			for k < len(cdf) && u >= cdf[k] {
				k++
			}
			n += k
		}
		d := 0.0
		switch {
		case r.Unattended:
			if n > 0 {
				d = r.WindowHours
			}
		case constant:
			d = min(float64(n)*base[0], r.WindowHours)
		default:
			for range n {
				x := uniform() * HoursPerWeek
				h := int(x)
				d += base[h] - slope[h]*(x-float64(h))
			}
			d = min(d, r.WindowHours)
		}
		windows[w] = d
		if d > r.BudgetHours {
			breaches++
		}
	}
	sortFloats(windows)
	r.P95Downtime = windows[int(math.Ceil(0.95*float64(runs)))-1]
	if r.HasTarget && !r.Unattended {
		r.PBreach = float64(breaches) / float64(runs)
	}
	return r
}

// sortFloats sorts xs ascending (insertion into a binary heap would do; a plain sort is
// the clearest reading of "nearest rank").
func sortFloats(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// randomRiskInput draws a service's risk input: rates from none to past the chunked
// Poisson's threshold, windows of a day to a year, up to three responders with the
// on-call patterns or arbitrary weeks, targets or none.
func randomRiskInput(rng *rand.Rand, i int) RiskInput {
	rates := []float64{0, 0.01, 0.2, 0.5, 1, 2, 4, 10, 45}
	windows := []int{1, 7, 28, 30, 90, 365}
	in := RiskInput{
		Name:              "Service " + string(rune('A'+i%26)) + string(rune('a'+i/26%26)) + string(rune('0'+i/676%10)),
		IncidentsPerMonth: rates[rng.IntN(len(rates))],
		RestoreHours:      []float64{0.01, 0.25, 1, 4, 30}[rng.IntN(5)],
		WindowDays:        windows[rng.IntN(len(windows))],
	}
	if rng.IntN(4) != 0 {
		a := []float64{50, 90, 99, 99.5, 99.9, 99.99, 100}[rng.IntN(7)]
		in.Availability = &a
	}
	for k := range rng.IntN(maxResponders + 1) {
		var w Week
		if rng.IntN(3) == 0 {
			for h := range HoursPerWeek {
				if rng.IntN(4) == 0 {
					w.set(h)
				}
			}
		} else {
			w = Coverage(AllOnCalls[rng.IntN(len(AllOnCalls))])
		}
		in.Responders = append(in.Responders, RiskResponder{Team: k, Week: w, AckMinutes: int64(rng.IntN(3) * 15 * (1 + rng.IntN(40)))})
	}
	return in
}

// TestSimulateRiskMatchesPlainReading: on a thousand services of every shape (unattended,
// covered alike every hour, uncovered hours, rates of zero, means past the chunk of 30),
// with window counts from one to the default, the fast simulation gives every figure the
// plain reading gives, bit for bit.
func TestSimulateRiskMatchesPlainReading(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 12))
	buf := make([]float64, 0, 4*DefaultRiskRuns)
	for i := range 1000 {
		in := randomRiskInput(rng, i)
		runs := []int{1, 2, 19, 20, 21, 101, 777, DefaultRiskRuns}[rng.IntN(8)]
		if in.IncidentsPerMonth*float64(in.WindowDays) > 3000 {
			runs = min(runs, 101) // keep the plain reading quick on a year of 45 a month
		}
		want := referenceSimulateRisk(&in, runs)
		for _, scratch := range [][]float64{nil, buf} {
			if got := SimulateRisk(&in, runs, scratch); got != want {
				t.Fatalf("%s (rate %v, window %d, %d responders, target %v, %d runs):\n got %+v\nwant %+v",
					in.Name, in.IncidentsPerMonth, in.WindowDays, len(in.Responders), in.Availability != nil, runs, got, want)
			}
		}
	}
}
