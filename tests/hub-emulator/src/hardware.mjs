// GET /api/jobs/hardware: the flavors a Job may ask for, in the Hub's field names. Billing is per
// minute (unitCostMicroUSD per unitLabel); cpu-basic is $0.01/h and cpu-upgrade $0.03/h like the Hub.

function flavor(name, prettyName, cpu, ram, ephemeralStorage, dollarsPerHour, accelerator = null) {
  const unitCostMicroUSD = Math.round((dollarsPerHour / 60) * 1_000_000);
  return {
    name,
    prettyName,
    cpu,
    ram,
    ephemeralStorage,
    accelerator,
    unitCostMicroUSD,
    unitCostUSD: unitCostMicroUSD / 1_000_000,
    unitLabel: 'minute',
  };
}

function nvidia(model, vram, quantity = '1') {
  return { type: 'gpu', model, quantity, vram, manufacturer: 'Nvidia' };
}

/** The hardware list, cheapest first. */
export const HARDWARE = Object.freeze([
  flavor('cpu-basic', 'CPU Basic', '2 vCPU', '16 GB', '50 GB', 0.01),
  flavor('cpu-upgrade', 'CPU Upgrade', '8 vCPU', '32 GB', '50 GB', 0.03),
  flavor('cpu-performance', 'CPU Performance', '32 vCPU', '256 GB', '100 GB', 0.5),
  flavor('cpu-xl', 'CPU XL', '16 vCPU', '124 GB', '1000 GB', 1),
  flavor('t4-small', 'Nvidia T4 - small', '4 vCPU', '15 GB', '50 GB', 0.4, nvidia('T4', '16 GB')),
  flavor('a10g-small', 'Nvidia A10G - small', '4 vCPU', '15 GB', '110 GB', 1, nvidia('A10G', '24 GB')),
]);

/** The hardware entry called `name`, if any. @param {string} name */
export function findFlavor(name) {
  return HARDWARE.find((entry) => entry.name === name);
}
