package dev.linkpulse.ops.bench;

import java.util.List;

/**
 * AWS list prices the cost bench uses: us-east-1, on-demand, arm64, beyond the free tier and at the first volume tier,
 * as published on the services' pricing pages on {@value #AS_OF}. One table, so a price change is one edit.
 */
final class PriceList {
  static final String AS_OF = "2026-12-01";

  record Price(String unit, double dollars, double per, String note) {
    double of(double units) {
      return units / per * dollars;
    }
  }

  static final Price LAMBDA_REQUEST = new Price("Lambda requests", 0.20, 1e6, "");
  static final Price LAMBDA_GB_SECOND = new Price("Lambda GB-s (arm64)", 0.0000133334, 1, "");
  static final Price HTTP_API_REQUEST = new Price("API Gateway HTTP API requests", 1.00, 1e6, "first 300 M a month");
  static final Price EVENTBRIDGE_EVENT = new Price("EventBridge custom events", 1.00, 1e6, "per 64 KB chunk");
  static final Price SQS_REQUEST = new Price("SQS standard requests", 0.40, 1e6, "per 64 KB chunk");
  static final Price DYNAMODB_WRU = new Price("DynamoDB on-demand WRU", 0.625, 1e6, "");
  static final Price DYNAMODB_RRU = new Price("DynamoDB on-demand RRU", 0.125, 1e6, "");
  static final Price STREAM_READ = new Price("DynamoDB Streams reads", 0.0, 1, "GetRecords by a Lambda trigger are free");
  static final Price WEBSOCKET_MESSAGE = new Price("API Gateway WebSocket messages", 1.00, 1e6, "per 32 KB; first 1 B");

  static final List<Price> ALL = List.of(LAMBDA_REQUEST, LAMBDA_GB_SECOND, HTTP_API_REQUEST, EVENTBRIDGE_EVENT, SQS_REQUEST,
      DYNAMODB_WRU, DYNAMODB_RRU, STREAM_READ, WEBSOCKET_MESSAGE);

  /** Containers, for the crossover note: Fargate arm64 per vCPU-hour and GB-hour, an Application Load Balancer per hour. */
  static final double FARGATE_VCPU_HOUR = 0.03238;
  static final double FARGATE_GB_HOUR = 0.00356;
  static final double ALB_HOUR = 0.0225;
  static final double ALB_LCU_HOUR = 0.008;

  private PriceList() {}
}
