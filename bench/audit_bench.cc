// Benchmarks of whole audits: a local audit of this machine (collector included) and the analysis
// of generated fleets (facts, derived tables, every rule, scorecard) at 1, 100 and 1000 hosts.
#include <benchmark/benchmark.h>

#include "collect/local_collector.h"
#include "fleet_generator.h"
#include "pipeline/audit_pipeline.h"

namespace shipshape {
namespace {

AuditOptions FixedClock() {
  AuditOptions o;
  o.clock = *AuditClock::Parse("2026-06-14T10:00:00Z");
  return o;
}

void BM_LocalAudit(benchmark::State& state) {
  for (auto _ : state) {
    auto snap = CollectLocal();
    if (!snap.ok()) {
      state.SkipWithError(snap.status().message().c_str());
      return;
    }
    std::vector<Snapshot> one;
    one.push_back(std::move(snap).value());
    auto result = RunAudit(SourceOf(std::move(one)), AuditOptions());
    benchmark::DoNotOptimize(result.ok());
  }
}
BENCHMARK(BM_LocalAudit)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(7)
    ->ReportAggregatesOnly(true);

void BM_AnalyseFleet(benchmark::State& state) {
  const int hosts = static_cast<int>(state.range(0));
  std::vector<Snapshot> fleet = bench::GenerateFleet(std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/fixtures/seed-fleet", hosts);
  if (fleet.empty()) {
    state.SkipWithError("seed fleet fixtures not found");
    return;
  }
  size_t findings = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Snapshot> copy = fleet;
    state.ResumeTiming();
    auto result = RunAudit(SourceOf(std::move(copy)), FixedClock());
    if (!result.ok()) {
      state.SkipWithError(result.status().message().c_str());
      return;
    }
    findings = result->report.findings.size();
  }
  state.counters["hosts"] = hosts;
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["per_host"] = benchmark::Counter(static_cast<double>(hosts),
                                                  benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_AnalyseFleet)->Arg(1)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace shipshape

BENCHMARK_MAIN();
