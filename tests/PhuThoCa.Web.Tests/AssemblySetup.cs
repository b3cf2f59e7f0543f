using PhuThoCa.Tests.Support;

[assembly: AssemblyFixture(typeof(PortalFactory))]
