/** Departments, categories and sub-categories of spec 001 §2 (seeded; served to forms and the API). */
export const DEPARTMENTS = ['IT Department', 'Asset Department', 'Budget Department'] as const;

export const CATEGORIES: { name: string; department: (typeof DEPARTMENTS)[number] | null; subCategories: string[] }[] = [
  {
    name: 'IT Support',
    department: 'IT Department',
    subCategories: [
      'Technical Assistance',
      'Software Installation/Update',
      'Hardware Troubleshooting',
      'Email/Account Access Issue',
      'Internet/Network Connectivity Issue',
      'Printer/Scanner Setup or Issue',
      'System Performance Issue',
      'Virus/Malware Check',
      'IT Consultation Request',
      'Data Backup/Restore',
    ],
  },
  { name: 'Asset Check In', department: 'Asset Department', subCategories: [] },
  { name: 'Asset Check Out', department: 'Asset Department', subCategories: [] },
  { name: 'New Budget Proposal', department: 'Budget Department', subCategories: [] },
  { name: 'Others', department: null, subCategories: [] },
];
