using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>"Entrer dans la structure": the super-admin acts as a structure's admin, visibly and audited.</summary>
public abstract class ImpersonationTests(AppFactory app) : AppTest(app)
{
    private const string SuperAdminName = "Super Admin"; // the name AppFactory.EnsureSuperAdminAsync gives

    [Fact]
    public async Task The_super_admin_enters_a_structure_acts_as_its_admin_is_audited_and_comes_back()
    {
        var a = await App.CreateStructureAsync("Intervention A");
        var b = await App.CreateStructureAsync("Intervention B");
        var super = await SignInSuperAdminAsync();
        var superId = (await super.GetJsonAsync<MeDto>("/api/me")).Id;
        var adminA = await UserAsync(a.AdminEmail);

        // The list offers the button; the post needs the page's antiforgery token.
        (await super.GetTextAsync("/admin/structures")).ShouldContain("Entrer dans la structure");
        (await super.PostFormAsync("/admin/structures", Form(), $"/admin/structures?handler=Enter&id={a.Id}")).ShouldRedirectTo("/");

        // Now acting as A's admin, with the banner on every page.
        var staffPage = await super.GetAsync("/structure/comptes");
        staffPage.ShouldBe(HttpStatusCode.OK);
        var html = await staffPage.TextAsync();
        html.ShouldContain("agit pour le compte de");
        html.ShouldContain($"{SuperAdminName}</strong> agit pour le compte de <strong>{adminA.DisplayName}</strong>");
        html.ShouldContain(a.AdminEmail);
        var me = await super.GetJsonAsync<MeDto>("/api/me");
        me.Id.ShouldBe(adminA.Id);
        me.StructureId.ShouldBe(a.Id);
        me.ImpersonatorId.ShouldBe(superId);
        me.IsSuperAdmin.ShouldBeFalse();
        await super.ShouldBeForbiddenAsync(await super.GetAsync("/admin/structures"));

        // What is done meanwhile is recorded in A with the impersonator's name.
        var invited = $"invite-{Guid.NewGuid():N}@structure.test";
        (await super.PostFormAsync("/structure/comptes", Form(("Input.DisplayName", "Invitée"), ("Input.Email", invited), ("Input.Role", Roles.Animateur))))
            .ShouldRedirectTo("/structure/comptes");
        var invitedId = (await UserIdAsync(invited)).ToString();
        var entry = await App.DbAsync(null, db => db.AuditEntries.AsNoTracking().SingleAsync(x => x.Action == "Compte créé" && x.EntityId == invitedId));
        entry.TenantId.ShouldBe(a.Id);
        entry.UserId.ShouldBe(adminA.Id);
        entry.ImpersonatorId.ShouldBe(superId);
        entry.ImpersonatorName.ShouldBe(SuperAdminName);
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(x => x.TenantId == a.Id && x.Action == "Intervention pour un compte" && x.ImpersonatorName == SuperAdminName)))
            .ShouldBeTrue();
        // A's admin sees who came in, in A's journal.
        var journal = await (await App.SignInAsync(a.AdminEmail)).GetJsonAsync<AuditPageDto>("/api/audit");
        journal.Items.ShouldContain(i => i.Action == "Compte créé" && i.ImpersonatorName == SuperAdminName);

        // No API key while acting for someone else.
        var key = await super.PostJsonAsync("/api/me/api-keys", new { name = "Pendant l'intervention" });
        key.ShouldBe(HttpStatusCode.BadRequest);
        (await key.ProblemTitleAsync()).ShouldBe("On ne crée pas de clé d'API en agissant pour un autre compte.");

        // Never chained: entering B from inside A is refused, and the session stays in A.
        var chained = await super.PostFormAsync("/structure/comptes", Form(), $"/admin/structures?handler=Enter&id={b.Id}");
        await super.ShouldBeForbiddenAsync(chained);
        await super.ShouldBeForbiddenAsync(await super.PostFormAsync("/structure/comptes", Form(), $"/admin/structures/{b.Id}?handler=Enter"));
        (await super.GetJsonAsync<MeDto>("/api/me")).StructureId.ShouldBe(a.Id);
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(x => x.TenantId == b.Id && x.Action == "Intervention pour un compte"))).ShouldBeFalse();

        // Coming back: the super-admin again.
        (await super.PostFormAsync("/structure/comptes", Form(), "/intervention/fin")).ShouldRedirectTo("/");
        (await super.GetAsync("/admin/structures")).ShouldBe(HttpStatusCode.OK);
        var back = await super.GetJsonAsync<MeDto>("/api/me");
        back.Id.ShouldBe(superId);
        back.IsSuperAdmin.ShouldBeTrue();
        back.StructureId.ShouldBeNull();
        back.ImpersonatorId.ShouldBeNull();
        (await super.GetTextAsync("/admin/structures")).ShouldNotContain("agit pour le compte de");
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(x => x.TenantId == a.Id && x.Action == "Fin d'intervention pour un compte" && x.ImpersonatorName == SuperAdminName)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_new_password_of_the_super_admin_ends_the_intervention_and_the_way_back_signs_out()
    {
        var a = await App.CreateStructureAsync("Intervention périmée");
        var super = await SignInSuperAdminAsync();
        (await super.PostFormAsync("/admin/structures", Form(), $"/admin/structures?handler=Enter&id={a.Id}")).ShouldRedirectTo("/");
        (await super.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);
        // The form of the way back, taken while the intervention still works.
        var page = await super.GetPageAsync("/structure/comptes");

        // The super-admin's password changes elsewhere (a reset, another browser): a new security stamp.
        var superEmail = await App.EnsureSuperAdminAsync();
        await App.InScopeAsync(null, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Domain.AppUser>>();
            var user = (await users.FindByEmailAsync(superEmail))!;
            (await users.ChangePasswordAsync(user, AppFactory.Password, AppFactory.Password + " bis")).Succeeded.ShouldBeTrue();
            (await users.ChangePasswordAsync(user, AppFactory.Password + " bis", AppFactory.Password)).Succeeded.ShouldBeTrue();
        });

        // The intervention cookie stops at once…
        (await super.GetAsync("/structure/comptes")).ShouldRedirectTo("/connexion");
        // …and « Revenir à mon compte » with it mints no super-admin session.
        var back = await super.Http.PostAsync("/intervention/fin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        ((int)back.StatusCode).ShouldNotBe(200);
        (await super.GetAsync("/admin/structures")).ShouldRedirectTo("/connexion");
        (await super.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_suspended_structure_cannot_be_entered_and_suspending_ends_an_intervention()
    {
        var a = await App.CreateStructureAsync("Intervention suspendue");
        var super = await SignInSuperAdminAsync();

        (await super.PostFormAsync("/admin/structures", Form(), $"/admin/structures?handler=Enter&id={a.Id}")).ShouldRedirectTo("/");
        (await super.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);
        await App.InScopeAsync(null, sp => sp.GetRequiredService<StructureService>().SetActiveAsync(a.Id, false));
        (await super.GetAsync("/structure/comptes")).ShouldRedirectTo("/connexion");

        var again = await SignInSuperAdminAsync();
        (await again.PostFormAsync("/admin/structures", Form(), $"/admin/structures?handler=Enter&id={a.Id}")).ShouldRedirectTo("/admin/structures");
        (await again.GetTextAsync("/admin/structures")).ShouldContain("Cette structure est suspendue : réactivez-la avant d'y entrer.");
        (await again.GetJsonAsync<MeDto>("/api/me")).IsSuperAdmin.ShouldBeTrue();
    }

    [Fact]
    public async Task A_structure_admin_cannot_enter_a_structure()
    {
        var a = await App.CreateStructureAsync("Pas d'entrée A");
        var b = await App.CreateStructureAsync("Pas d'entrée B");
        var admin = await App.SignInAsync(a.AdminEmail);

        await admin.ShouldBeForbiddenAsync(await admin.PostFormAsync("/structure/comptes", Form(), $"/admin/structures?handler=Enter&id={b.Id}"));
        (await admin.GetJsonAsync<MeDto>("/api/me")).StructureId.ShouldBe(a.Id);
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(x => x.TenantId == b.Id && x.Action == "Intervention pour un compte"))).ShouldBeFalse();
    }
}

[Collection(Apps.Sqlite)]
public sealed class ImpersonationTestsOnSqlite(SqliteApp app) : ImpersonationTests(app);

[Collection(Apps.PostgreSql)]
public sealed class ImpersonationTestsOnPostgreSql(PostgreSqlApp app) : ImpersonationTests(app);
