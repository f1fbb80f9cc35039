// Sample infrastructure for Trede in a municipality's own Azure tenant:
// Azure Container Apps (the bot, 2+ replicas), Azure Database for PostgreSQL Flexible Server (TLS required),
// and the Azure Bot resource with the Teams channel, for a single-tenant Entra app registration.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.example.json
targetScope = 'resourceGroup'

@description('Short name used in resource names, e.g. trede-groningen')
param name string
param location string = resourceGroup().location

@description('Container image, e.g. <registry>.azurecr.io/trede:0.1.0')
param image string

@description('Entra app (client) id of the single-tenant bot app registration')
param microsoftAppId string
@secure()
@description('Client secret of that app registration')
param microsoftAppPassword string
@description('Entra tenant id of the municipality')
param tenantId string = subscription().tenantId

@description('PostgreSQL administrator login; also the migration role that owns Trede\'s tables')
param postgresAdmin string = 'trede_admin'
@secure()
param postgresPassword string

@description('The application role the bot logs in as: it may read and write its tables and only read and append to the audit trail. Created by the migration step on first deploy.')
param appDatabaseRole string = 'trede_app'
@secure()
@description('Password of the application role')
param appDatabasePassword string

@description('Optional: Azure OpenAI endpoint, key and deployment; leave empty for the deterministic path only')
param azureOpenAiEndpoint string = ''
@secure()
param azureOpenAiKey string = ''
param azureOpenAiDeployment string = ''

param logLevel string = 'info'
param minReplicas int = 2

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${name}-pg'
  location: location
  sku: { name: 'Standard_B2s', tier: 'Burstable' }
  properties: {
    version: '15'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2023-12-01-preview' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: { value: 'on', source: 'user-override' }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'trede'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: { customerId: logs.properties.customerId, sharedKey: logs.listKeys().primarySharedKey }
    }
  }
}

// two roles: the bot runs as the application role; only the init container (db migrate) gets the owner's URL
var databaseUrl = 'postgres://${appDatabaseRole}:${uriComponent(appDatabasePassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/trede?sslmode=require'
var migrationUrl = 'postgres://${postgresAdmin}:${uriComponent(postgresPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/trede?sslmode=require'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: { external: true, targetPort: 3978, transport: 'http' }
      secrets: [
        { name: 'database-url', value: databaseUrl }
        { name: 'database-migration-url', value: migrationUrl }
        { name: 'app-password', value: microsoftAppPassword }
        { name: 'azure-openai-key', value: empty(azureOpenAiKey) ? 'unused' : azureOpenAiKey }
      ]
    }
    template: {
      // applies migrations as the owner and grants the application role, before the bot starts
      initContainers: [
        {
          name: 'trede-migrate'
          image: image
          command: [ 'node', '--import', 'tsx', 'src/cli/main.ts', 'db', 'migrate' ]
          resources: { cpu: json('0.25'), memory: '0.5Gi' }
          env: [
            { name: 'DATABASE_URL', secretRef: 'database-url' }
            { name: 'DATABASE_MIGRATION_URL', secretRef: 'database-migration-url' }
          ]
        }
      ]
      containers: [
        {
          name: 'trede'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat([
            { name: 'HOST', value: '0.0.0.0' }
            { name: 'PORT', value: '3978' }
            { name: 'LOG_LEVEL', value: logLevel }
            { name: 'DATABASE_URL', secretRef: 'database-url' }
            { name: 'MICROSOFT_APP_ID', value: microsoftAppId }
            { name: 'MICROSOFT_APP_PASSWORD', secretRef: 'app-password' }
            { name: 'MICROSOFT_APP_TYPE', value: 'SingleTenant' }
            { name: 'MICROSOFT_APP_TENANT_ID', value: tenantId }
            { name: 'ALLOWED_TENANT_IDS', value: tenantId }
          ], empty(azureOpenAiEndpoint) ? [] : [
            { name: 'AZURE_OPENAI_ENDPOINT', value: azureOpenAiEndpoint }
            { name: 'AZURE_OPENAI_API_KEY', secretRef: 'azure-openai-key' }
            { name: 'AZURE_OPENAI_DEPLOYMENT', value: azureOpenAiDeployment }
          ])
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, periodSeconds: 10 }
          ]
        }
      ]
      // state lives in PostgreSQL, so any replica can serve any turn
      scale: { minReplicas: minReplicas, maxReplicas: 5 }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Trede'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } }
}

output botEndpoint string = bot.properties.endpoint
output botDomain string = app.properties.configuration.ingress.fqdn
