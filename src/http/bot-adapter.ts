// The Bot Framework adapter with authentication lifted out of its request handling. CloudAdapter.process
// authenticates and runs the turn in one step and answers 500 to any failure that is not an
// AuthenticationError (a signing-key fetch that failed, a malformed token header). Split in two, the HTTP
// edge decides the order: authenticate first, every failure a 401, then look at the body and the tenant.
import { TeamsAdapter } from "@microsoft/teams-ai";
import type { Activity, ConfigurationBotFrameworkAuthentication, InvokeResponse, TurnContext } from "botbuilder";

export type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

export interface BotCredentials {
  appId: string;
  password?: string;
  type: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  tenantId?: string;
}

// The Bot Framework's public cloud (botframework-connector AuthenticationConstants). botbuilder takes all of
// them or none; they are spelled out only so that tests can replace the one URL the channel's keys come from.
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  CallerId: "urn:botframework:azure",
};

export class BotAdapter extends TeamsAdapter {
  /** Checks the request's token against the activity's channel and service URL; rejects on any failure. */
  authenticate(activity: Partial<Activity>, authorization: string): Promise<Authenticated> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authorization);
  }

  /** Runs the turn for an activity authenticate() accepted; resolves to the invoke response, if any. */
  runAuthenticated(
    authenticated: Authenticated,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, withDates(activity), logic);
  }
}

/**
 * Without credentials the adapter accepts any request as anonymous; env.ts allows that only on loopback or
 * in a lab. channelOpenIdMetadataUrl (tests only) replaces where the channel's signing keys are fetched.
 */
export function createBotAdapter(credentials: BotCredentials | undefined, channelOpenIdMetadataUrl?: string): BotAdapter {
  if (!credentials) return new BotAdapter({});
  return new BotAdapter({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.password,
    MicrosoftAppType: credentials.type,
    MicrosoftAppTenantId: credentials.tenantId,
    ...(channelOpenIdMetadataUrl && { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: channelOpenIdMetadataUrl }),
  });
}

// botbuilder's own request handling turns the wire's ISO strings into the Dates its Activity type promises
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ["timestamp", "rawTimestamp"],
    ["localTimestamp", "rawLocalTimestamp"],
    ["expiration", "rawExpiration"],
  ] as const) {
    const value = a[field];
    if (typeof value === "string") Object.assign(a, { [raw]: value, [field]: new Date(value) });
  }
  return a;
}
