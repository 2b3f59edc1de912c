package dev.linkpulse.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CostBenchTest {
  @Test
  void lambdaBillsDurationRoundedUpToTheMillisecondTimesMemory() {
    assertThat(CostBench.gbSeconds(2.1, 1024)).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(CostBench.gbSeconds(3.0, 1536)).isCloseTo(0.0045, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aBillIsEachUnitTimesItsListPrice() {
    var bill = new CostBench.Bill("x", Map.of(PriceList.HTTP_API_REQUEST, 1.0, PriceList.DYNAMODB_WRU, 6.0, PriceList.STREAM_READ, 3.0));
    // $1.00 per million requests + 6 WRU at $0.625 per million; stream reads by a trigger cost nothing.
    assertThat(bill.dollarsPerMillion()).isCloseTo(1.0 + 6 * 0.625, org.assertj.core.data.Offset.offset(1e-9));
  }
}
