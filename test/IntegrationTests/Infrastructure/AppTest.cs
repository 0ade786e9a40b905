using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.IntegrationTests.Infrastructure;

/// <summary>Base of the test classes: each runs once per provider (see the concrete subclasses and <see cref="Apps"/>).</summary>
public abstract class AppTest(AppFactory app)
{
    protected AppFactory App => app;

    protected DatabaseProvider Provider => app.Provider;

    protected async Task<TestClient> SignInSuperAdminAsync() => await App.SignInAsync(await App.EnsureSuperAdminAsync());

    protected Task<AppUser> UserAsync(string email) =>
        App.DbAsync(null, db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    protected async Task<Guid> UserIdAsync(string email) => (await UserAsync(email)).Id;

    /// <summary>A structure with its admin (password set) and one staff account of each other role.</summary>
    protected async Task<(TestStructure Structure, string Animateur, string Social)> StructureWithStaffAsync(string name)
    {
        var structure = await App.CreateStructureAsync(name);
        var animateur = await App.CreateStaffAsync(structure.Id, Roles.Animateur);
        var social = await App.CreateStaffAsync(structure.Id, Roles.TravailleurSocial);
        return (structure, animateur, social);
    }
}
