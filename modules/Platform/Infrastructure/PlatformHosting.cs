using Microsoft.AspNetCore.Hosting;
using System.Globalization;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure.Security;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using Serilog;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Composes the host from its modules: services, authentication, pipeline, endpoints.</summary>
public static class PlatformHosting
{
    public const string SmartScheme = "CookieOrApiKey";

    public static WebApplicationBuilder AddCentresConnectes(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        // Modules' own files (/_content/<module>/…) come from their projects when the app runs from a
        // build (tests, `dotnet run` in any environment); a published app has them in its wwwroot and
        // this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = new DataDirectory(configuration, builder.Environment);
        Directory.CreateDirectory(dataDirectory.Root);
        // The SQLite database, the mail pickup folder and the logs hold personal data, and the database
        // the data-protection keys: owner only.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dataDirectory.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Logs: console + rolling file. Messages carry ids, never names, e-mails or phone numbers.
        // Serilog is a provider of Microsoft's logger factory, which keeps one logger per category:
        // Serilog's own factory (UseSerilog) built a new logger at every call, and the authentication
        // handlers and minimal-API results ask for one on every request (checkin-load, 2026-12-04).
        // The levels are Serilog's; the final configuration is read when the provider is built.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        services.AddSingleton<ILoggerProvider>(sp => new Serilog.Extensions.Logging.SerilogLoggerProvider(new LoggerConfiguration()
            .ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>())
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Warning)
            // One line per outgoing HTTP call (an SMS each) drowned the log and slowed sending.
            .MinimumLevel.Override("System.Net.Http.HttpClient", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", Serilog.Events.LogEventLevel.Warning)
            .WriteTo.Console()
            .WriteTo.File(Path.Combine(dataDirectory.Root, "logs", "app-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31)
            .CreateLogger(), dispose: true));

        services.AddSingleton(dataDirectory);
        services.AddSingleton<IReadOnlyList<IModule>>(modules);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentTenant, CurrentTenant>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<ISideBySideQueries, SideBySideQueries>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.AddScoped<IAuditLog, Application.AuditLog>();
        services.AddScoped<IStructureBrandingProvider, DefaultBrandingProvider>();
        services.AddScoped<IStructureLogoSource, Documents.NoStructureLogo>();
        services.AddScoped<IPdfDocuments, Documents.PdfDocuments>();
        services.AddSingleton(new PermissionCatalog(modules));
        services.AddSingleton(BuildMenu(modules));

        var database = DatabaseSettings.From(configuration, dataDirectory);
        database.EnsureSqliteFolder();
        services.AddSingleton(database);
        services.AddAppDbContext(database, modules);
        var dataProtection = services.AddDataProtection().SetApplicationName("CentresConnectes").PersistKeysToDbContext<AppDbContext>();
        // Optional: the keys encrypted at rest with a certificate (etc/deploy/env.sample), so a stolen
        // database dump alone does not forge sessions or reset links.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));

        AddAccounts(services, builder.Environment);
        services.AddAppRateLimits(configuration);
        services.AddSingleton<SignInLocks>();
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddHostedService<BackgroundWorkService>();
        services.AddSingleton<Application.SetupToken>();
        services.AddSingleton<Application.PublicAddress>();
        AddEmail(services, configuration);
        AddJobs(services, configuration, database);

        // A global MVC filter: Conventions.ConfigureFilter only reaches pages outside areas, and
        // the modules' pages live in areas (another structure's id answered 500 instead of 404).
        services.AddRazorPages().AddMvcOptions(o => o.Filters.Add(new NotFoundPageFilter()))
            // No jQuery validation here (site.js checks the fields): without it the validation summary
            // renders only when there are errors, not an empty <li style="display:none"> the CSP refuses.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // French text is written as is in the HTML, not as &#xE9; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddOpenApi();
        services.AddFrenchApiProblems();
        // Behind the reverse proxy (etc/deploy): scheme and client address from X-Forwarded-* (loopback proxies only by default).
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders =
            Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var french = new CultureInfo("fr-FR");
            o.DefaultRequestCulture = new RequestCulture(french);
            o.SupportedCultures = [french];
            o.SupportedUICultures = [french];
            o.RequestCultureProviders.Clear();
        });

        foreach (var module in modules)
            module.AddServices(services, configuration);
        return builder;
    }

    private static MenuBuilder BuildMenu(IEnumerable<IModule> modules)
    {
        var menu = new MenuBuilder();
        foreach (var module in modules)
            module.ConfigureMenu(menu);
        return menu;
    }

    private static void AddAccounts(IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // An address is unique within a structure only (ADR 0020): the (TenantId, NormalizedEmail)
                // index holds it, AccountsByEmail finds every account of an address.
                o.User.RequireUniqueEmail = false;
                // The user name is the e-mail address (else a technical name: AccountsByEmail.NameAfterEmailAsync),
                // checked as one (Fields.Email): accented local parts
                // (jérôme@…) are valid addresses, so Identity's ASCII character list does not apply.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<PasswordOfAnotherAccountValidator>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            // Over HTTPS: "__Host-cc.session", Secure (SessionCookieManager).
            o.Cookie.Name = "cc.session";
            o.CookieManager = new SessionCookieManager();
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle timeout (sliding); the absolute lifetime (SessionValidator.AbsoluteLifetime) caps an active session.
            o.ExpireTimeSpan = TimeSpan.FromHours(4);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionValidator.SigningInAsync;
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            // API clients get status codes, browsers get the login page.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Session ou clé d'API", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.ReadKey(context.Request) is not null ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        // Closed by default: a page or endpoint that forgets its attribute requires a signed-in user;
        // anonymous ones say [AllowAnonymous] / .AllowAnonymous() (PageAuthorizationTests lists them).
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        if (!environment.IsDevelopment())
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailSettings>(configuration.GetSection("Email"));
        var settings = configuration.GetSection("Email").Get<EmailSettings>() ?? new EmailSettings();
        if (settings.UsesPickup)
            services.AddScoped<IEmailSender, PickupFolderEmailSender>();
        else
            services.AddScoped<IEmailSender, SmtpEmailSender>();
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            // On SQLite the job store is in memory: the database rows, not the job store, are the truth.
            if (database.Provider == DatabaseProvider.PostgreSql)
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            else
                config.UseInMemoryStorage();
        });
        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped(typeof(TenantJobRunner<>));
        services.AddScoped(typeof(RecurringJobRunner<>));
        services.AddScoped<IStructureSecrets, StructureSecrets>();
        if (configuration.GetValue("Jobs:Server", true))
            services.AddHangfireServer(o => o.WorkerCount = configuration.GetValue("Jobs:Workers", 4));
    }

    public static WebApplication UseCentresConnectes(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/erreur/500");
        app.UseForwardedHeaders();
        // Strict-Transport-Security on HTTPS answers (not for localhost: a local install stays reachable over HTTP).
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UsePublicHostFilter();
        app.UseFrenchApiProblems();
        // API clients get problem details, browsers get the friendly French error page.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        // An address no endpoint knows answers 404 (the French page) to everyone: with the fallback
        // policy, an endpoint-less request would otherwise send a visitor to the sign-in page. Not a
        // MapFallback endpoint: routing would pick it for any body, hiding its own 415 from the API.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseImpersonationAudit();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        var modules = app.Services.GetRequiredService<IReadOnlyList<IModule>>();
        foreach (var module in modules)
            module.MapEndpoints(app);

        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference(o => o.WithTitle("Centres Connectés – API")).RequireAuthorization();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DisplayStorageConnectionString = false, AppPath = "/" })
            .RequireAuthorization(PermissionPolicy.For(PlatformPermissions.Jobs));
        if (app.Configuration.GetValue("Jobs:Recurring", true))
            RecurringJobs.Register(app.Services, modules);
        return app;
    }

    /// <summary>
    /// Migrates the database, creates the roles and, for scripted installs, the super-admin from
    /// configuration. Call it before UseCentresConnectes: mapping the jobs dashboard builds Hangfire's
    /// storage, which needs the database to exist already.
    /// </summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        // tenant-filtered: no table data (a connection setting).
        if (db.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var plannerStatistics = services.GetRequiredService<Application.PlannerStatisticsJob>();
        if (await plannerStatistics.NeverRunOnSqliteAsync())
            await plannerStatistics.RunAsync(CancellationToken.None);

        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in new[] { Roles.SuperAdmin, Roles.Admin, Roles.Animateur, Roles.TravailleurSocial, Roles.Famille })
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new AppRole(role));
        }

        var setup = services.GetRequiredService<Application.SetupService>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Setup");
        if (await setup.IsRequiredAsync()
            && configuration["Setup:SuperAdminEmail"] is { Length: > 0 } email
            && configuration["Setup:SuperAdminPassword"] is { Length: > 0 } password)
        {
            var result = await setup.CompleteAsync(email, configuration["Setup:SuperAdminName"] ?? "Super-administrateur", password);
            if (!result.Succeeded)
                throw new InvalidOperationException("Setup:SuperAdminPassword is refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            logger.LogInformation("Super-admin account created from configuration");
        }
    }
}
