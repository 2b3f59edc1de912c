/**
 * A local Step Functions (Standard workflows), written from the Amazon States Language specification and the
 * Step Functions developer guide and API reference.
 *
 * <p>Public surface: {@link dev.linkpulse.emulators.stepfunctions.StepFunctionsEmulator} (builder and handle),
 * the Lambda port {@link dev.linkpulse.emulators.stepfunctions.LambdaInvoker}, and
 * {@link dev.linkpulse.emulators.stepfunctions.InvalidDefinitionException}. Everything else is package-private:
 * wire ({@code StepFunctionsApi}, {@code ApiCodec}), model ({@code StepFunctionsEngine}, {@code ExecutionRecord},
 * {@code Frame}, {@code EngineStore}), rules ({@code JsonPath}, {@code Intrinsic}, {@code ChoiceOperator},
 * {@code ErrorRules}, {@code DataFlow}) and the interpreter ({@code ExecutionRun} and its step classes).
 *
 * <p>Runs: Task, Choice, Pass, Wait, Succeed, Fail, Parallel and inline Map; Retry and Catch; InputPath,
 * Parameters/ItemSelector, ResultSelector, ResultPath, OutputPath with JsonPath and {@code .$}; the context
 * object; all 18 intrinsic functions; every Choice operator; TimeoutSeconds(Path), HeartbeatSeconds(Path) and a
 * machine's TimeoutSeconds; Lambda ({@code arn:aws:states:::lambda:invoke} and bare function ARNs),
 * {@code .waitForTaskToken} (Lambda and EventBridge), DynamoDB GetItem/PutItem/UpdateItem/DeleteItem and
 * EventBridge PutEvents.
 *
 * <p>Refuses at creation, with the JSON pointer and the reason: JSONata, workflow variables ({@code Assign}),
 * distributed Map, activities, {@code .sync}, AWS SDK ({@code aws-sdk:*}) and other integrations, unknown
 * intrinsics, unknown fields and malformed ASL, EXPRESS machines, and a resource for which no Lambda invoker or
 * endpoint is configured.
 */
package dev.linkpulse.emulators.stepfunctions;
